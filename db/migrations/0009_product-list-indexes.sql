DROP INDEX "products_store_id_department_id_index";--> statement-breakpoint
CREATE INDEX "products_store_id_department_id_code_index" ON "products" USING btree ("store_id","department_id","code");--> statement-breakpoint
CREATE INDEX "products_store_id_updated_at_index" ON "products" USING btree ("store_id","updated_at");
CREATE TABLE "catalog_copies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"from_store_id" uuid NOT NULL,
	"copied_by_staff_id" uuid NOT NULL,
	"copied_at" timestamp with time zone NOT NULL,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "name_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_copies" ADD CONSTRAINT "catalog_copies_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_copies" ADD CONSTRAINT "catalog_copies_from_store_id_stores_id_fk" FOREIGN KEY ("from_store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_copies" ADD CONSTRAINT "catalog_copies_copied_by_staff_id_staff_id_fk" FOREIGN KEY ("copied_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
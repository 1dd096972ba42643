CREATE TABLE "lane_devices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"lane_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"bound_by_staff_id" uuid NOT NULL,
	"bound_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "lane_devices_token_hash_key" UNIQUE("token_hash")
);
--> statement-breakpoint
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
ALTER TABLE "lane_devices" ADD CONSTRAINT "lane_devices_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lane_devices" ADD CONSTRAINT "lane_devices_lane_id_lanes_id_fk" FOREIGN KEY ("lane_id") REFERENCES "public"."lanes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lane_devices" ADD CONSTRAINT "lane_devices_bound_by_staff_id_staff_id_fk" FOREIGN KEY ("bound_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_copies" ADD CONSTRAINT "catalog_copies_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_copies" ADD CONSTRAINT "catalog_copies_from_store_id_stores_id_fk" FOREIGN KEY ("from_store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_copies" ADD CONSTRAINT "catalog_copies_copied_by_staff_id_staff_id_fk" FOREIGN KEY ("copied_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lane_devices_lane_id_index" ON "lane_devices" USING btree ("lane_id");
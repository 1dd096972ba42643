ALTER TYPE "public"."approval_action" ADD VALUE 'return-without-receipt';--> statement-breakpoint
CREATE TABLE "sale_upload_rejections" (
	"sale_id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"lane_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"receipt_no" text NOT NULL,
	"total_fen" integer NOT NULL,
	"sold_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"message" text NOT NULL,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"first_rejected_at" timestamp with time zone NOT NULL,
	"last_rejected_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_staff_id" uuid,
	"resolution_note" text
);
--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "sale_upload_rejections" ADD CONSTRAINT "sale_upload_rejections_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_upload_rejections" ADD CONSTRAINT "sale_upload_rejections_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_upload_rejections" ADD CONSTRAINT "sale_upload_rejections_resolved_by_staff_id_staff_id_fk" FOREIGN KEY ("resolved_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sale_upload_rejections_store_id_resolved_at_index" ON "sale_upload_rejections" USING btree ("store_id","resolved_at");
CREATE TYPE "public"."return_card_refund_status" AS ENUM('waiting', 'recorded', 'dropped', 'failed');--> statement-breakpoint
CREATE TABLE "return_card_refunds" (
	"card_payment_id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"request" jsonb NOT NULL,
	"status" "return_card_refund_status" DEFAULT 'waiting' NOT NULL,
	"failure" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "return_card_refunds" ADD CONSTRAINT "return_card_refunds_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_card_refunds" ADD CONSTRAINT "return_card_refunds_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_card_refunds" ADD CONSTRAINT "return_card_refunds_shift_id_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_card_refunds_return_id_index" ON "return_card_refunds" USING btree ("return_id");--> statement-breakpoint
CREATE INDEX "return_card_refunds_shift_id_status_index" ON "return_card_refunds" USING btree ("shift_id","status");
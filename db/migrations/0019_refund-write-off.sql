ALTER TYPE "public"."return_card_refund_status" ADD VALUE 'written_off';--> statement-breakpoint
ALTER TABLE "return_card_refunds" ADD COLUMN "written_off_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "return_card_refunds" ADD COLUMN "write_off_note" text;--> statement-breakpoint
ALTER TABLE "return_card_refunds" ADD CONSTRAINT "return_card_refunds_written_off_by_staff_id_staff_id_fk" FOREIGN KEY ("written_off_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
ALTER TABLE "card_payments" ADD COLUMN "offered_to_lane_id" uuid;--> statement-breakpoint
ALTER TABLE "card_payments" ADD COLUMN "offer_id" uuid;--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_offered_to_lane_id_lanes_id_fk" FOREIGN KEY ("offered_to_lane_id") REFERENCES "public"."lanes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_payments_offered_to_lane_id_index" ON "card_payments" USING btree ("offered_to_lane_id");
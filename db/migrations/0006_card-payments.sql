CREATE TYPE "public"."card_payment_state" AS ENUM('in_flight', 'approved', 'declined', 'not_sent', 'unknown', 'failed');--> statement-breakpoint
CREATE TABLE "card_fee_rates" (
	"store_id" uuid NOT NULL,
	"card_kind" text NOT NULL,
	"rate_bps" integer NOT NULL,
	"cap_fen" integer,
	CONSTRAINT "card_fee_rates_store_kind_key" UNIQUE("store_id","card_kind")
);
--> statement-breakpoint
CREATE TABLE "card_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"lane_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"sale_id" uuid,
	"txn_type" text NOT NULL,
	"ecr_ref" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"state" "card_payment_state" NOT NULL,
	"original_payment_id" uuid,
	"resp_code" text,
	"message" text,
	"approved_amount_fen" integer,
	"issuer_code" text,
	"issuer_name" text,
	"card_no_masked" text,
	"card_org" text,
	"funding_type" text,
	"merchant_id" text,
	"terminal_id" text,
	"batch_no" integer,
	"voucher_no" integer,
	"ref_no" text,
	"auth_code" text,
	"host_date" text,
	"host_time" text,
	"slip" text,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"queries" integer DEFAULT 0 NOT NULL,
	"resolved_by_staff_id" uuid,
	"resolution_note" text,
	CONSTRAINT "card_payments_ecr_ref_key" UNIQUE("store_id","ecr_ref")
);
--> statement-breakpoint
CREATE TABLE "terminal_settlements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"lane_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"terminal_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"batch_no" integer NOT NULL,
	"business_date" text NOT NULL,
	"terminal_totals" jsonb NOT NULL,
	"pos_totals" jsonb NOT NULL,
	"balanced" boolean NOT NULL,
	"differences" jsonb NOT NULL,
	"settled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "terminal_settlements_batch_key" UNIQUE("store_id","terminal_id","batch_no")
);
--> statement-breakpoint
ALTER TABLE "card_fee_rates" ADD CONSTRAINT "card_fee_rates_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_lane_id_lanes_id_fk" FOREIGN KEY ("lane_id") REFERENCES "public"."lanes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_payments" ADD CONSTRAINT "card_payments_resolved_by_staff_id_staff_id_fk" FOREIGN KEY ("resolved_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_settlements" ADD CONSTRAINT "terminal_settlements_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_settlements" ADD CONSTRAINT "terminal_settlements_lane_id_lanes_id_fk" FOREIGN KEY ("lane_id") REFERENCES "public"."lanes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_settlements" ADD CONSTRAINT "terminal_settlements_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_payments_sale_id_index" ON "card_payments" USING btree ("sale_id");--> statement-breakpoint
CREATE INDEX "card_payments_store_id_state_index" ON "card_payments" USING btree ("store_id","state");--> statement-breakpoint
CREATE INDEX "card_payments_lane_id_batch_no_index" ON "card_payments" USING btree ("lane_id","batch_no");
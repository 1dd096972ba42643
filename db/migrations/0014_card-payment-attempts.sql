CREATE TABLE "card_payment_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"ecr_ref" text NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"outcome" text,
	"resp_code" text,
	"answered_amount_fen" bigint,
	"detail" text
);
--> statement-breakpoint
ALTER TABLE "card_payments" ADD COLUMN "next_query_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "card_payment_attempts" ADD CONSTRAINT "card_payment_attempts_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_payment_attempts" ADD CONSTRAINT "card_payment_attempts_payment_id_card_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."card_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_payment_attempts_payment_id_sent_at_index" ON "card_payment_attempts" USING btree ("payment_id","sent_at");--> statement-breakpoint
UPDATE "card_payments" SET "next_query_at" = now() WHERE "state" IN ('in_flight', 'unknown');

ALTER TABLE "stock_movements" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "stocktakes" ADD COLUMN "frozen_seq" bigint;
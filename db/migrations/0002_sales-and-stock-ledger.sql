CREATE TYPE "public"."cash_movement_kind" AS ENUM('opening_float', 'sale', 'refund', 'paid_in', 'paid_out');--> statement-breakpoint
CREATE TYPE "public"."sale_kind" AS ENUM('sale', 'return');--> statement-breakpoint
CREATE TYPE "public"."sale_status" AS ENUM('completed', 'voided');--> statement-breakpoint
CREATE TYPE "public"."shift_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."tender_kind" AS ENUM('cash', 'bank_card', 'store_card');--> statement-breakpoint
CREATE TYPE "public"."stock_movement_kind" AS ENUM('sale', 'return', 'receipt', 'adjustment', 'count', 'transfer_out', 'transfer_in');--> statement-breakpoint
CREATE TABLE "cash_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"kind" "cash_movement_kind" NOT NULL,
	"amount_fen" integer NOT NULL,
	"sale_id" uuid,
	"reason" text,
	"approver_staff_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sale_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sale_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"scanned_code" text NOT NULL,
	"name_zh" text NOT NULL,
	"department_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"quantity" integer NOT NULL,
	"weight_grams" integer,
	"unit_price_fen" integer NOT NULL,
	"label_total_fen" integer,
	"gross_fen" integer NOT NULL,
	"line_discount_fen" integer NOT NULL,
	"sale_discount_fen" integer NOT NULL,
	"total_fen" integer NOT NULL,
	"vat_rate_bps" integer NOT NULL,
	"vat_fen" integer NOT NULL,
	"original_line_id" uuid
);
--> statement-breakpoint
CREATE TABLE "sale_tenders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sale_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"kind" "tender_kind" NOT NULL,
	"amount_fen" integer NOT NULL,
	"reference" text
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"lane_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" "sale_kind" NOT NULL,
	"status" "sale_status" DEFAULT 'completed' NOT NULL,
	"receipt_no" text NOT NULL,
	"original_sale_id" uuid,
	"customer_segment" text,
	"gross_fen" integer NOT NULL,
	"discount_fen" integer NOT NULL,
	"total_fen" integer NOT NULL,
	"change_fen" integer NOT NULL,
	"business_date" date NOT NULL,
	"local_hour" integer NOT NULL,
	"sold_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"sent_offline" boolean DEFAULT false NOT NULL,
	"price_differences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "sales_store_receipt_key" UNIQUE("store_id","receipt_no")
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"lane_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"status" "shift_status" DEFAULT 'open' NOT NULL,
	"opening_float_fen" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"counted_cash_fen" integer,
	"expected_cash_fen" integer
);
--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"on_hand" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_levels_store_id_product_id_pk" PRIMARY KEY("store_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" "stock_movement_kind" NOT NULL,
	"quantity_delta" integer NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_shift_id_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_movements" ADD CONSTRAINT "cash_movements_approver_staff_id_staff_id_fk" FOREIGN KEY ("approver_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_lines" ADD CONSTRAINT "sale_lines_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_lines" ADD CONSTRAINT "sale_lines_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_lines" ADD CONSTRAINT "sale_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_tenders" ADD CONSTRAINT "sale_tenders_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_tenders" ADD CONSTRAINT "sale_tenders_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_lane_id_lanes_id_fk" FOREIGN KEY ("lane_id") REFERENCES "public"."lanes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_shift_id_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_lane_id_lanes_id_fk" FOREIGN KEY ("lane_id") REFERENCES "public"."lanes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cash_movements_shift_id_index" ON "cash_movements" USING btree ("shift_id");--> statement-breakpoint
CREATE INDEX "sale_lines_sale_id_index" ON "sale_lines" USING btree ("sale_id");--> statement-breakpoint
CREATE INDEX "sale_lines_original_line_id_index" ON "sale_lines" USING btree ("original_line_id");--> statement-breakpoint
CREATE INDEX "sale_tenders_sale_id_index" ON "sale_tenders" USING btree ("sale_id");--> statement-breakpoint
CREATE INDEX "sales_store_id_business_date_index" ON "sales" USING btree ("store_id","business_date");--> statement-breakpoint
CREATE INDEX "sales_shift_id_index" ON "sales" USING btree ("shift_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shifts_one_open_per_lane" ON "shifts" USING btree ("lane_id") WHERE "shifts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "shifts_store_id_opened_at_index" ON "shifts" USING btree ("store_id","opened_at");--> statement-breakpoint
CREATE INDEX "stock_movements_store_id_product_id_created_at_index" ON "stock_movements" USING btree ("store_id","product_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_movements_source_type_source_id_index" ON "stock_movements" USING btree ("source_type","source_id");
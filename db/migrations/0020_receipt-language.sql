CREATE TYPE "public"."receipt_language" AS ENUM('zh-CN', 'en', 'both');--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "receipt_language" "receipt_language" DEFAULT 'zh-CN' NOT NULL;
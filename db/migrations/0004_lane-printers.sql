ALTER TABLE "lanes" ADD COLUMN "printer_host" text;--> statement-breakpoint
ALTER TABLE "lanes" ADD COLUMN "printer_port" integer;
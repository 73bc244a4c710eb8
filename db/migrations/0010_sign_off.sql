ALTER TABLE "plans" ADD COLUMN "sign_off" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "proposed_by" text;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "proposed_by_id" text;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "proposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "proposal_evidence" text;
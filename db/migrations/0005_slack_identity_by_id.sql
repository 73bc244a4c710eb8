CREATE TABLE "app_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_id" text;--> statement-breakpoint
ALTER TABLE "slack_users" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "slack_users" ADD COLUMN "deleted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "slack_users" ADD COLUMN "is_bot" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "slack_users_name_key" ON "slack_users" USING btree ("name_key");--> statement-breakpoint
ALTER TABLE "slack_users" DROP COLUMN "auto_linked_at";
CREATE TABLE "identity_links" (
	"external_id" text NOT NULL,
	"owner_name" text NOT NULL,
	"auto" boolean NOT NULL,
	"linked_by" text NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_links_external_id_owner_name_pk" PRIMARY KEY("external_id","owner_name")
);
--> statement-breakpoint
CREATE TABLE "processed_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_users" (
	"user_id" text PRIMARY KEY NOT NULL,
	"real_name" text,
	"display_name" text,
	"time_zone" text,
	"fetched_at" timestamp with time zone NOT NULL,
	"auto_linked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "identity_links_owner" ON "identity_links" USING btree ("owner_name");--> statement-breakpoint
CREATE INDEX "processed_events_received" ON "processed_events" USING btree ("received_at");
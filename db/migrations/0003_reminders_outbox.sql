CREATE TABLE "nudge_preferences" (
	"item" text NOT NULL,
	"recipient" text NOT NULL,
	"snoozed_until" date,
	"muted" boolean DEFAULT false NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "nudge_preferences_item_recipient_pk" PRIMARY KEY("item","recipient")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"item" text,
	"recipient" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"slack_ts" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_key" ON "outbox" USING btree ("key");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_recipient_sent" ON "outbox" USING btree ("recipient","sent_at");
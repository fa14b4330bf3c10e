CREATE TABLE "notification_reads" (
	"notification_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_reads_notification_id_user_id_pk" PRIMARY KEY("notification_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient" text NOT NULL,
	"message" text NOT NULL,
	"workflow_id" text,
	"source_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_source_recipient_unique" UNIQUE("source_key","recipient_kind","recipient")
);
--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "task_outcome" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "task_level" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "task_assignees" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "task_approved_by" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "task_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "execution_status" text;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "task_status" jsonb;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "task_stale" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "task_refreshed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_kind","recipient","id");--> statement-breakpoint
CREATE INDEX "approval_requests_open_idx" ON "approval_requests" USING btree ("task_outcome","process_id","submitted_at");--> statement-breakpoint
CREATE INDEX "approval_requests_stale_idx" ON "approval_requests" USING btree ("task_stale");
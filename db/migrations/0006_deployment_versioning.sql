CREATE TYPE "public"."deployment_versioning" AS ENUM('legacy', 'versioned');--> statement-breakpoint
CREATE TYPE "public"."versioning_behavior" AS ENUM('pinned', 'auto-upgrade');--> statement-breakpoint
ALTER TABLE "deployments" DROP CONSTRAINT "deployments_task_queue_unique";--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "versioning" "deployment_versioning" DEFAULT 'legacy' NOT NULL;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "build_id" text;--> statement-breakpoint
ALTER TABLE "designs" ADD COLUMN "versioning_behavior" "versioning_behavior" DEFAULT 'pinned' NOT NULL;--> statement-breakpoint
CREATE INDEX "deployments_task_queue_idx" ON "deployments" USING btree ("task_queue");--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_build_id_unique" UNIQUE("build_id");
CREATE TABLE "process_create_keys" (
	"author_id" text NOT NULL,
	"key" text NOT NULL,
	"process_name" text NOT NULL,
	"process_id" text,
	"answer" jsonb,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "process_create_keys_author_id_key_pk" PRIMARY KEY("author_id","key")
);
--> statement-breakpoint
ALTER TABLE "process_create_keys" ADD CONSTRAINT "process_create_keys_process_id_approval_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."approval_processes"("id") ON DELETE cascade ON UPDATE no action;
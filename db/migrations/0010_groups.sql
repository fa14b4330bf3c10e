CREATE TABLE "user_group_members" (
	"group_name" text NOT NULL,
	"username" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_group_members_group_name_username_pk" PRIMARY KEY("group_name","username")
);
--> statement-breakpoint
CREATE TABLE "user_groups" (
	"name" text PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_group_members" ADD CONSTRAINT "user_group_members_group_name_user_groups_name_fk" FOREIGN KEY ("group_name") REFERENCES "public"."user_groups"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_group_members" ADD CONSTRAINT "user_group_members_username_users_username_fk" FOREIGN KEY ("username") REFERENCES "public"."users"("username") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_group_members_username_idx" ON "user_group_members" USING btree ("username");
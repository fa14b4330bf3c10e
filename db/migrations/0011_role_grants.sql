CREATE TABLE "role_grants" (
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_grants_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Holders before this migration got their roles when their account was made: the best that is known.
INSERT INTO "role_grants" ("user_id", "role", "granted_at") SELECT "id", unnest("roles"), "created_at" FROM "users" ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Keeps role_grants in step with users.roles however the roles change (account creation, the admin
-- API, OIDC sign-up, scripts): a role granted now starts now; a revoked one is forgotten.
CREATE FUNCTION "signalbox_record_role_grants"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "role_grants" WHERE "user_id" = NEW."id" AND NOT ("role" = ANY (NEW."roles"));
  INSERT INTO "role_grants" ("user_id", "role") SELECT NEW."id", r FROM unnest(NEW."roles") AS r ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "users_role_grants" AFTER INSERT OR UPDATE OF "roles" ON "users" FOR EACH ROW EXECUTE FUNCTION "signalbox_record_role_grants"();

/**
 * Creates the first admin from SIGNALBOX_ADMIN_USERNAME / SIGNALBOX_ADMIN_PASSWORD when there is
 * no account yet (scripts/start.ts runs it after the migrations; docs/auth.md).
 *   SIGNALBOX_ADMIN_USERNAME=admin SIGNALBOX_ADMIN_PASSWORD=… node --import tsx scripts/create-admin.ts
 */
import { closeDb } from '@/db/client';
import { ensureAdminFromEnv } from '@/lib/auth/admin-from-env';

async function main(): Promise<number> {
  const result = await ensureAdminFromEnv();
  switch (result.outcome) {
    case 'not-configured':
      console.log('[admin] SIGNALBOX_ADMIN_USERNAME is not set: the first visit creates the admin');
      return 0;
    case 'created':
      console.log(`[admin] created the admin account "${result.username}" (from SIGNALBOX_ADMIN_USERNAME)`);
      return 0;
    case 'exists':
      console.log('[admin] accounts exist already: SIGNALBOX_ADMIN_* ignored');
      return 0;
    case 'invalid':
      console.error(`[admin] ${result.problem}`);
      return 1;
  }
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`[admin] failed: ${error instanceof Error ? error.message : String(error)}`);
    await closeDb().catch(() => undefined);
    process.exit(1);
  });

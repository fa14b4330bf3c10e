/**
 * Runs the committed migrations on one connection, then closes it.
 *   node --import tsx db/migrate.ts        (DATABASE_URL, or embedded PGlite under $SIGNALBOX_DATA_DIR)
 */
import { createDb, pgliteDir } from './client';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const handle = url ? createDb({ url, max: 1 }) : createDb({ pglite: pgliteDir() });
  const started = Date.now();
  try {
    await handle.migrate();
    console.log(`[migrate] ${handle.kind === 'postgres' ? 'database' : pgliteDir()} is up to date (${Date.now() - started} ms)`);
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    console.error(`[migrate] failed: ${error instanceof Error ? error.message : String(error)}${cause}`);
    process.exit(1);
  },
);

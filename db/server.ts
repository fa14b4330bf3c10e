/**
 * Serves the embedded PGlite database over the PostgreSQL wire protocol, so that the app, the
 * worker host and the migrator (separate processes) share it:
 *   node --import tsx db/server.ts
 * $SIGNALBOX_DATA_DIR/pglite (default .data/pglite) on 127.0.0.1:$SIGNALBOX_PGLITE_PORT (default
 * 5433), loopback only; the PGlite directory is made 0700. Clients log in as `postgres` with the password in
 * $SIGNALBOX_DATA_DIR/pglite-password (created at first start, mode 0600; db/credentials.ts,
 * docs/database.md), by SCRAM-SHA-256: DATABASE_URL=postgres://postgres:<password>@127.0.0.1:5433/postgres.
 * PGlite is single-connection: PgliteWireServer (db/wire-server.ts) runs one connection's batch at
 * a time and keeps a transaction's statements together (pglite-socket's own multiplexer interleaves
 * extended-protocol messages of concurrent clients, and has no authentication; see there).
 */
import { PGlite } from '@electric-sql/pglite';
import { pgliteDir, pglitePasswordPath } from './client';
import { EMBEDDED_DB_NAME, EMBEDDED_DB_USER, embeddedDatabaseUrl, ensurePglitePassword, ensurePrivateDirectory } from './credentials';
import { PgliteWireServer } from './wire-server';

/** Loopback only: the database is for the processes of this host. */
const HOST = '127.0.0.1';

async function main(): Promise<void> {
  const dir = pgliteDir();
  const port = Number(process.env.SIGNALBOX_PGLITE_PORT ?? 5433);
  const passwordFile = pglitePasswordPath();
  const password = ensurePglitePassword(passwordFile, (message) => console.error(`[db] ${message}`));
  if (!dir.startsWith('memory://')) ensurePrivateDirectory(dir, (message) => console.error(`[db] ${message}`));

  const db = await PGlite.create(dir);
  const server = new PgliteWireServer({
    db,
    host: HOST,
    port,
    credentials: { user: EMBEDDED_DB_USER, password, database: EMBEDDED_DB_NAME },
    log: (message) => console.error(`[db] ${message}`),
  });
  await server.start();
  const url = embeddedDatabaseUrl({ host: HOST, port: server.address.port, password: '***' });
  console.log(`[db] PGlite ${dir} listening on ${url} (password in ${passwordFile})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[db] ${signal}: stopping`);
    try {
      await server.stop();
      await db.close();
      process.exit(0);
    } catch (error) {
      console.error('[db] stop failed:', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[db] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

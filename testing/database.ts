/** Test helpers: a migrated database that other processes (a worker host) can share. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@/db/client';
import { embeddedDatabaseUrl, pglitePasswordFile, readPglitePassword } from '@/db/credentials';
import { freePort, startTs, type Child } from './processes';

/** Runs the committed migrations on the database at `url`. */
export async function migrateDatabase(url: string): Promise<void> {
  const migrator = createDb({ url, max: 1 });
  try {
    await migrator.migrate();
  } finally {
    await migrator.close();
  }
}

export interface ServedDatabase {
  /** With the password (db/credentials.ts). */
  url: string;
  server: Child;
}

export interface UnmigratedServedDatabase extends ServedDatabase {
  port: number;
  password: string;
  /** The server's data directory (holding pglite-password); removed by `stop()`. */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The embedded PGlite, in memory, served over the PostgreSQL protocol by db/server.ts (as under
 * `npm start`), with its password file in a throwaway data directory.
 */
export async function serveUnmigratedInMemoryDatabase(): Promise<UnmigratedServedDatabase> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'signalbox-db-'));
  const server = startTs(
    'db/server.ts',
    { SIGNALBOX_PGLITE_DIR: 'memory://', SIGNALBOX_PGLITE_PORT: String(port), SIGNALBOX_DATA_DIR: dataDir },
    'db',
  );
  const stop = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await server.waitFor(/listening on postgres:\/\//);
    const password = readPglitePassword(pglitePasswordFile(dataDir));
    return { url: embeddedDatabaseUrl({ host: '127.0.0.1', port, password }), server, port, password, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The embedded PGlite, in memory, served over the PostgreSQL protocol by db/server.ts (as under `npm start`), migrated. */
export async function serveInMemoryDatabase(): Promise<ServedDatabase> {
  const served = await serveUnmigratedInMemoryDatabase();
  try {
    await migrateDatabase(served.url);
    // The server read its password at start: its throwaway data directory is not needed any more.
    rmSync(served.dataDir, { recursive: true, force: true });
    return { url: served.url, server: served.server };
  } catch (error) {
    await served.stop();
    throw error;
  }
}

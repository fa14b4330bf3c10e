/** Test helpers: a migrated database that other processes (a worker host) can share. */
import { createDb } from '../../db/client';
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
  url: string;
  server: Child;
}

/** The embedded PGlite, in memory, served over the PostgreSQL protocol by db/server.ts (as under `npm start`), migrated. */
export async function serveInMemoryDatabase(): Promise<ServedDatabase> {
  const port = await freePort();
  const server = startTs('db/server.ts', { SIGNALBOX_PGLITE_DIR: 'memory://', SIGNALBOX_PGLITE_PORT: String(port) }, 'db');
  try {
    const url = (await server.waitFor(/listening on (postgres:\/\/\S+)/))[1]!;
    await migrateDatabase(url);
    return { url, server };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

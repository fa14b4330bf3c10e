import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { dataDir } from './data-dir';
import { pglitePasswordFile } from './credentials';
import * as schema from './schema';

export type Schema = typeof schema;
/** The database handle every repository function takes: node-postgres or PGlite behind drizzle. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Runs the committed migrations (db/migrations) on this database. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type CreateDbOptions =
  | { url: string; max?: number }
  /** A data directory, or "memory://" for a throwaway in-memory database. */
  | { pglite: string };

/** db/migrations, found beside this module (tsx) or under the working directory (bundled). */
export function migrationsFolder(): string {
  if (process.env.SIGNALBOX_MIGRATIONS_DIR) return resolve(process.env.SIGNALBOX_MIGRATIONS_DIR);
  try {
    const here = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
    if (existsSync(join(here, 'meta', '_journal.json'))) return here;
  } catch {
    // import.meta.url is not a file URL once bundled: fall through
  }
  return join(process.cwd(), 'db', 'migrations');
}

export function createDb(options: CreateDbOptions): DbHandle {
  if ('url' in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 5 });
    pool.on('error', (error) => console.error('[db] idle client error:', error.message));
    const db = drizzleNodePg({ client: pool, schema });
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      migrate: () => migrateNodePg(db, { migrationsFolder: migrationsFolder() }),
      close: () => pool.end(),
    };
  }
  const dataDir = options.pglite;
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzlePglite({ client, schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: migrationsFolder() }),
    close: () => client.close(),
  };
}

/** The embedded database directory: $SIGNALBOX_PGLITE_DIR (may be "memory://"), else $SIGNALBOX_DATA_DIR/pglite. */
export function pgliteDir(): string {
  if (process.env.SIGNALBOX_PGLITE_DIR) return process.env.SIGNALBOX_PGLITE_DIR;
  return join(dataDir(), 'pglite');
}

/** The embedded database's password file, $SIGNALBOX_DATA_DIR/pglite-password (db/credentials.ts). */
export function pglitePasswordPath(): string {
  return pglitePasswordFile(dataDir());
}

const globalForDb = globalThis as typeof globalThis & { __signalboxDb?: Promise<DbHandle> };

/**
 * The process-wide database: PostgreSQL (node-postgres pool) when DATABASE_URL is set,
 * otherwise embedded PGlite under $SIGNALBOX_DATA_DIR/pglite, migrated on first use (PGlite
 * in-process serves one process only). Cached on globalThis so Next.js dev reloads reuse it.
 */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.__signalboxDb ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (url) return createDb({ url });
    const handle = createDb({ pglite: pgliteDir() });
    await handle.migrate();
    return handle;
  })().catch((error: unknown) => {
    globalForDb.__signalboxDb = undefined;
    throw error;
  });
  return globalForDb.__signalboxDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Closes the process-wide database (scripts and tests). */
export async function closeDb(): Promise<void> {
  const pending = globalForDb.__signalboxDb;
  globalForDb.__signalboxDb = undefined;
  if (pending) await (await pending).close();
}

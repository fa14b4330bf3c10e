/**
 * The embedded database's credentials (docs/database.md): one user, `postgres`, and a random
 * password generated at first start and kept in <data>/pglite-password, readable by its owner
 * only. db/server.ts requires it from every client; `npm start` (scripts/start.ts) reads it and
 * hands the web app, the worker host and the migrator a DATABASE_URL carrying it. Server-only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const EMBEDDED_DB_USER = 'postgres';
export const EMBEDDED_DB_NAME = 'postgres';
const OWNER_ONLY = 0o600;

/** Where the password lives: <data directory>/pglite-password. */
export function pglitePasswordFile(dataDirectory: string): string {
  return join(dataDirectory, 'pglite-password');
}

/**
 * The password in `file`, created (256 random bits, base64url: safe in a URL as is) when there is
 * none yet. Created atomically (written aside, then linked into place), so that two processes
 * starting at once agree on one password. A file that others may read is tightened to 0600.
 */
export function ensurePglitePassword(file: string, warn: (message: string) => void = console.warn): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, `${randomBytes(32).toString('base64url')}\n`, { mode: OWNER_ONLY, flag: 'wx' });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  const mode = statSync(file).mode & 0o777;
  if (mode !== OWNER_ONLY) {
    warn(`${file} had mode ${mode.toString(8)}: set to 600 (owner only); if others could read it, delete it to get a new password`);
    chmodSync(file, OWNER_ONLY);
  }
  return readPglitePassword(file);
}

/**
 * Creates `dir` (and its parents) if missing and makes it 0700: the embedded database's files
 * must not be readable by other local users, who would otherwise read them past the password.
 */
export function ensurePrivateDirectory(dir: string, warn: (message: string) => void = console.warn): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode & 0o777;
  if (mode !== 0o700) {
    warn(`${dir} had mode ${mode.toString(8)}: set to 700 (owner only)`);
    chmodSync(dir, 0o700);
  }
}

/** The password in `file`, which must exist (db/server.ts creates it at first start). */
export function readPglitePassword(file: string): string {
  const password = readFileSync(file, 'utf8').trim();
  if (!password) throw new Error(`${file} is empty: delete it, and the embedded database makes a new password at its next start`);
  return password;
}

/** The URL clients use to reach the embedded database. */
export function embeddedDatabaseUrl(options: { host: string; port: number; password: string }): string {
  const { host, port, password } = options;
  return `postgres://${EMBEDDED_DB_USER}:${encodeURIComponent(password)}@${host}:${port}/${EMBEDDED_DB_NAME}`;
}

// A real PostgreSQL server for integration tests.
//
//   1. $TEST_DATABASE_URL when set (used as is, never stopped);
//   2. otherwise a throwaway cluster from Debian's binaries (/usr/lib/postgresql/<v>/bin),
//      installing `postgresql` with apt-get when missing and running as root: initdb in a temp
//      dir (as the `postgres` user when root — initdb refuses root), pg_ctl start on a free
//      loopback port, a fresh database; stop() shuts it down and removes the directory;
//   3. otherwise { ok: false, reason } — the caller prints the reason and skips those tests.
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm, stat, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from './processes';

const execFileAsync = promisify(execFile);

export type TestPostgres =
  | { ok: true; url: string; description: string; stop(): Promise<void> }
  | { ok: false; reason: string };

function say(message: string): void {
  process.stdout.write(`[postgres] ${message}\n`);
}

function errorText(error: unknown): string {
  const e = error as Error & { stderr?: string; stdout?: string };
  const detail = (e.stderr || e.stdout || '').trim().split('\n').slice(-6).join(' | ');
  return detail ? `${e.message.split('\n')[0]} — ${detail}` : e.message;
}

async function findBinDir(): Promise<string | null> {
  const base = '/usr/lib/postgresql';
  let versions: string[];
  try {
    versions = await readdir(base);
  } catch {
    return null;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(base, version, 'bin');
    try {
      await stat(join(bin, 'initdb'));
      await stat(join(bin, 'pg_ctl'));
      return bin;
    } catch {
      /* incomplete */
    }
  }
  return null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

async function aptInstall(): Promise<string | null> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    execFileAsync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
      env,
      timeout: 10 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  say('PostgreSQL binaries not found: apt-get install -y postgresql …');
  try {
    await install();
  } catch (first) {
    say(`apt-get install failed (${errorText(first).slice(0, 200)}); running apt-get update and retrying …`);
    await execFileAsync('apt-get', ['update'], { env, timeout: 10 * 60_000, maxBuffer: 64 * 1024 * 1024 });
    await install();
  }
  return findBinDir();
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function runAsOwner(file: string, args: string[], options: { timeout?: number } = {}) {
  const timeout = options.timeout ?? 120_000;
  if (isRoot()) return execFileAsync('runuser', ['-u', 'postgres', '--', file, ...args], { timeout, cwd: '/' });
  return execFileAsync(file, args, { timeout });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.TEST_DATABASE_URL) {
    return {
      ok: true,
      url: process.env.TEST_DATABASE_URL,
      description: 'TEST_DATABASE_URL (external)',
      stop: async () => undefined,
    };
  }
  if (process.platform !== 'linux') {
    return { ok: false, reason: 'no TEST_DATABASE_URL, and throwaway clusters are only set up automatically on Debian/Ubuntu' };
  }

  let bin = await findBinDir();
  if (!bin) {
    if (!isRoot()) {
      return { ok: false, reason: 'PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb) and we are not root to apt-get it; set TEST_DATABASE_URL' };
    }
    try {
      bin = await aptInstall();
    } catch (error) {
      return { ok: false, reason: `apt-get install postgresql failed: ${errorText(error)}` };
    }
    if (!bin) return { ok: false, reason: 'apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb was found' };
  }

  let uid: number | undefined;
  let gid: number | undefined;
  if (isRoot()) {
    try {
      uid = Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim());
      gid = Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim());
    } catch {
      return { ok: false, reason: 'running as root but there is no `postgres` user to own the cluster (initdb refuses root)' };
    }
  }

  const dir = await mkdtemp(join(tmpdir(), 'signalbox-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    if (uid !== undefined && gid !== undefined) await chown(dir, uid, gid);
    const started = Date.now();
    await runAsOwner(join(bin, 'initdb'), [
      '-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--no-instructions',
    ]);
    const port = await findFreePort();
    const serverOptions = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    await runAsOwner(join(bin, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
    const stop = async () => {
      try {
        await runAsOwner(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop'], { timeout: 60_000 });
      } catch (error) {
        say(`pg_ctl stop failed: ${errorText(error)}`);
      }
      await cleanup();
    };
    try {
      const database = 'signalbox_test';
      await runAsOwner(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
      const version = bin.split('/').at(-2);
      say(`PostgreSQL ${version} ready on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return {
        ok: true,
        url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
        description: `throwaway PostgreSQL ${version} cluster on 127.0.0.1:${port}`,
        stop,
      };
    } catch (error) {
      await stop();
      throw error;
    }
  } catch (error) {
    let log = '';
    try {
      log = (await readFile(logFile, 'utf8')).trim().split('\n').slice(-5).join(' | ');
    } catch {
      /* no log */
    }
    await cleanup();
    return { ok: false, reason: `could not start a throwaway PostgreSQL cluster: ${errorText(error)}${log ? ` (log: ${log})` : ''}` };
  }
}

// Signalbox supervisor — what `npm start` runs (through scripts/bootstrap.mjs).
//
// Starts, in order, and stops in reverse order on Ctrl-C / SIGTERM (exit 0). Once up, a service
// that dies (a crash, the OOM killer's SIGKILL) is restarted on its own ports and data with backoff
// while the others keep running (scripts/lib/supervisor.ts; docs/operations.md, "Supervision"):
//   1. the data directory
//   2. the embedded database: `node --import tsx db/server.ts` (PGlite in <data>/pglite,
//      served over the PostgreSQL wire protocol on 127.0.0.1, login as `postgres` with the
//      password in <data>/pglite-password, made at first start, mode 0600; the migrator, the
//      worker host and the web app get it in DATABASE_URL)  — skipped when DATABASE_URL is set
//   3. migrations: `node --import tsx db/migrate.ts`
//   4. the Temporal dev server (official `temporal` CLI, SQLite file <data>/temporal.db,
//      Web UI)                                               — skipped when TEMPORAL_ADDRESS is set
//   5. `next build` when the sources changed since the last build
//   6. the worker host: `node scripts/run-ts.mjs worker/main.ts` (GET /healthz on WORKER_HEALTH_PORT)
//   7. `next start -p $PORT -H 127.0.0.1`
//
// Environment (defaults in brackets):
//   SIGNALBOX_DATA_DIR      data directory, relative to the project root          [.data]
//   PORT                    the web app (Next.js)                                  [3000]
//   TEMPORAL_PORT           Temporal dev server gRPC port                           [7233]
//   TEMPORAL_UI_PORT        Temporal Web UI port                                    [8233]
//   SIGNALBOX_PGLITE_PORT   embedded database (PGlite) PostgreSQL-protocol port     [5433]
//   WORKER_HEALTH_PORT      worker host health endpoint                             [3001]
//   SIGNALBOX_SKIP_BUILD=1  never run `next build` (use the existing .next)
//   SIGNALBOX_BROWSER_SOURCE_MAPS=1  build with browser source maps, for profiling the designer
//                           (docs/benchmarks.md, "Profiling"; a change of it rebuilds)
//   SIGNALBOX_RESET_DATA=1  delete the data directory first (the e2e suite uses this)
//   TEMPORAL_CLI            path to a `temporal` binary (see scripts/lib/temporal-cli.ts)
//   SIGNALBOX_ADMIN_USERNAME, SIGNALBOX_ADMIN_PASSWORD   create the first admin at start when
//                           there is no account yet (else the first visit asks; docs/auth.md)
// External services (when set, the embedded one is not started):
//   DATABASE_URL            PostgreSQL connection URL
//   TEMPORAL_ADDRESS        host:port of a Temporal cluster / Temporal Cloud, with
//   TEMPORAL_NAMESPACE      its namespace [default], and optionally
//   TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY, TEMPORAL_API_KEY   (passed through to the children)
//
// A second run reuses the data directory: designs, deployments and executions persist.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeExit, formatDuration, isPortFree, log, runProcess, startProcess, waitForHttp, waitForPort } from './lib/processes';
import { Supervisor } from './lib/supervisor';
import { SIGNALBOX_SEARCH_ATTRIBUTES, startTemporalDevServer } from './lib/temporal-server';
import { buildIfNeeded as buildNext } from './lib/next-build';
import { embeddedDatabaseUrl, ensurePglitePassword, pglitePasswordFile } from '@/db/credentials';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;

function portFromEnv(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    process.stderr.write(`[signalbox] ${name}=${raw} is not a valid port\n`);
    process.exit(1);
  }
  return port;
}

class StartupError extends Error {}

function fail(message: string): never {
  throw new StartupError(message);
}

const config = {
  dataDir: resolve(root, env.SIGNALBOX_DATA_DIR || '.data'),
  port: portFromEnv('PORT', 3000),
  temporalPort: portFromEnv('TEMPORAL_PORT', 7233),
  temporalUiPort: portFromEnv('TEMPORAL_UI_PORT', 8233),
  pglitePort: portFromEnv('SIGNALBOX_PGLITE_PORT', 5433),
  workerHealthPort: portFromEnv('WORKER_HEALTH_PORT', 3001),
  skipBuild: env.SIGNALBOX_SKIP_BUILD === '1' || env.SIGNALBOX_SKIP_BUILD === 'true',
  resetData: env.SIGNALBOX_RESET_DATA === '1' || env.SIGNALBOX_RESET_DATA === 'true',
  externalDatabase: env.DATABASE_URL || undefined,
  externalTemporal: env.TEMPORAL_ADDRESS || undefined,
};

/** Restarts what crashes; stops everything, in reverse start order, on Ctrl-C / SIGTERM. */
const supervisor = new Supervisor();
let shuttingDown = false;

/** The environment every child gets; filled in as services come up. */
const childEnv: NodeJS.ProcessEnv = {
  ...env,
  NEXT_TELEMETRY_DISABLED: '1',
  SIGNALBOX_DATA_DIR: config.dataDir,
  PORT: String(config.port),
  WORKER_HEALTH_PORT: String(config.workerHealthPort),
  SIGNALBOX_PGLITE_PORT: String(config.pglitePort),
};

const tsx = (script: string) => [process.execPath, ['--import', 'tsx', script]] as const;
/** The worker host registers tsx in its main thread only: the SDK's workflow threads then start faster (scripts/run-ts.mjs). */
const tsxMainThreadOnly = (script: string) => [process.execPath, ['scripts/run-ts.mjs', script]] as const;

function header(step: string): void {
  log('signalbox', step);
}

function requireFiles(files: string[]): void {
  const missing = files.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) {
    fail(
      `cannot start: ${missing.map((file) => `${file} is missing`).join(', ')}.\n` +
        `  These files are part of the project (db/server.ts serves the embedded database, db/migrate.ts\n` +
        `  applies migrations, worker/main.ts is the worker host); restore them from git.`,
    );
  }
}

async function requireFreePort(port: number, what: string, variable: string): Promise<void> {
  if (!(await isPortFree(port))) {
    fail(`port ${port} (${what}) on 127.0.0.1 is already in use — is Signalbox already running? Set ${variable} to use another port.`);
  }
}

async function shutdown(code: number): Promise<never> {
  if (shuttingDown) {
    // A second Ctrl-C while stopping: stop waiting.
    return new Promise<never>(() => undefined);
  }
  shuttingDown = true;
  const running = supervisor.status().length > 0;
  if (running) log('signalbox', code === 0 ? 'stopping…' : 'stopping the services started so far…');
  await supervisor.stopAll((name, error) => log('signalbox', `stopping ${name} failed: ${error.message}`));
  if (running) log('signalbox', 'stopped.');
  process.exit(code);
}

// A terminal Ctrl-C reaches npm, bootstrap.mjs and this process at once (and the first two
// forward it too): signals within 1.5 s of the first one count as the same request. Pressing
// Ctrl-C twice more while stopping kills the children outright.
let firstSignalAt = 0;
let lateSignals = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    const now = Date.now();
    if (firstSignalAt === 0) firstSignalAt = now;
    else if (now - firstSignalAt > 1_500) lateSignals += 1;
    if (lateSignals === 1) log('signalbox', 'still stopping… press Ctrl-C again to kill everything');
    if (lateSignals >= 2) {
      log('signalbox', 'forced exit');
      for (const managed of supervisor.processes()) {
        try {
          if (managed.child.pid) process.kill(-managed.child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      process.exit(1);
    }
    void shutdown(0);
  });
}

async function buildIfNeeded(): Promise<void> {
  if (config.skipBuild) {
    if (!existsSync(join(root, '.next', 'BUILD_ID'))) fail('SIGNALBOX_SKIP_BUILD is set but there is no build (.next/BUILD_ID is missing)');
    header('build: skipped (SIGNALBOX_SKIP_BUILD)');
    return;
  }
  const outcome = await buildNext(root, childEnv, header);
  if (!outcome.ok) fail(outcome.reason);
}

function printBox(lines: Array<[string, string]>): void {
  const width = Math.max(...lines.map(([label, value]) => label.length + value.length + 2), 'Ctrl-C to stop'.length);
  const bar = '─'.repeat(width + 2);
  const out = [`┌${bar}┐`];
  for (const [label, value] of lines) {
    const text = label ? `${label}  ${value}` : value;
    out.push(`│ ${text.padEnd(width)} │`);
  }
  out.push(`│ ${''.padEnd(width)} │`, `│ ${'Ctrl-C to stop'.padEnd(width)} │`, `└${bar}┘`);
  process.stdout.write(`\n${out.join('\n')}\n\n`);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const required = ['db/migrate.ts', 'worker/main.ts'];
  if (!config.externalDatabase) required.unshift('db/server.ts');
  requireFiles(required);
  if (!existsSync(join(root, 'node_modules/.bin/next'))) fail('node_modules/.bin/next is missing: run npm ci (npm start does it for you)');

  // Fail fast on ports already taken, before starting anything.
  if (!config.externalDatabase) await requireFreePort(config.pglitePort, 'embedded database', 'SIGNALBOX_PGLITE_PORT');
  if (!config.externalTemporal) {
    await requireFreePort(config.temporalPort, 'Temporal gRPC', 'TEMPORAL_PORT');
    await requireFreePort(config.temporalUiPort, 'Temporal Web UI', 'TEMPORAL_UI_PORT');
  }
  await requireFreePort(config.workerHealthPort, 'worker health', 'WORKER_HEALTH_PORT');
  await requireFreePort(config.port, 'web app', 'PORT');

  // 1. data directory
  if (config.resetData && existsSync(config.dataDir)) {
    if (root === config.dataDir || root.startsWith(config.dataDir + sep)) {
      fail(`refusing to delete ${config.dataDir} (SIGNALBOX_RESET_DATA): it contains the project`);
    }
    header(`data directory: deleting ${config.dataDir} (SIGNALBOX_RESET_DATA)`);
    await rm(config.dataDir, { recursive: true, force: true });
  }
  await mkdir(config.dataDir, { recursive: true });
  header(`data directory: ${config.dataDir}`);

  // 2. database
  let databaseLabel: string;
  if (config.externalDatabase) {
    childEnv.DATABASE_URL = config.externalDatabase;
    databaseLabel = `${redact(config.externalDatabase)} (DATABASE_URL)`;
    header('database: using DATABASE_URL');
  } else {
    header(`database: starting embedded PGlite on 127.0.0.1:${config.pglitePort} …`);
    const t = Date.now();
    // Made (or read) here before the server starts, so that both agree on the one in the file.
    const password = ensurePglitePassword(pglitePasswordFile(config.dataDir), (message) => log('signalbox', message));
    const [cmd, args] = tsx('db/server.ts');
    // A restart serves the same directory on the same port with the same password: the app's and
    // the worker host's connection pools reconnect by themselves.
    await supervisor.start({
      name: 'db',
      async start(spawned) {
        const db = startProcess('db', cmd, [...args], { cwd: root, env: childEnv });
        spawned(db);
        await waitForPort(config.pglitePort, '127.0.0.1', { timeoutMs: 120_000, process: db, what: 'the embedded database (db/server.ts)' });
      },
    });
    childEnv.DATABASE_URL = embeddedDatabaseUrl({ host: '127.0.0.1', port: config.pglitePort, password });
    databaseLabel = `embedded PGlite (${join(config.dataDir, 'pglite')}) on 127.0.0.1:${config.pglitePort}`;
    header(`database: ready in ${formatDuration(Date.now() - t)}`);
  }
  if (shuttingDown) return;

  // 3. migrations
  {
    header('migrations: db/migrate.ts …');
    const t = Date.now();
    const [cmd, args] = tsx('db/migrate.ts');
    const result = await runProcess('migrate', cmd, [...args], { cwd: root, env: childEnv });
    if (shuttingDown) return;
    if (result.code !== 0) fail(`migrations failed: db/migrate.ts ${describeExit(result)} (see the output above)`);
    header(`migrations: done in ${formatDuration(Date.now() - t)}`);
  }

  // 3b. the first admin from SIGNALBOX_ADMIN_USERNAME / SIGNALBOX_ADMIN_PASSWORD (docs/auth.md)
  // The password goes to this one step only, not into the environment of the long-running children.
  delete childEnv.SIGNALBOX_ADMIN_PASSWORD;
  if (env.SIGNALBOX_ADMIN_USERNAME || env.SIGNALBOX_ADMIN_PASSWORD) {
    const [cmd, args] = tsx('scripts/create-admin.ts');
    const adminEnv = { ...childEnv, SIGNALBOX_ADMIN_PASSWORD: env.SIGNALBOX_ADMIN_PASSWORD ?? '' };
    const result = await runProcess('admin', cmd, [...args], { cwd: root, env: adminEnv });
    if (shuttingDown) return;
    if (result.code !== 0) fail(`creating the admin from SIGNALBOX_ADMIN_* failed: scripts/create-admin.ts ${describeExit(result)} (see the output above)`);
  }

  // 4. Temporal
  let temporalLabel: string;
  let temporalUi: string | undefined;
  if (config.externalTemporal) {
    childEnv.TEMPORAL_ADDRESS = config.externalTemporal;
    childEnv.TEMPORAL_NAMESPACE = env.TEMPORAL_NAMESPACE || 'default';
    temporalLabel = `${config.externalTemporal}, namespace ${childEnv.TEMPORAL_NAMESPACE} (TEMPORAL_ADDRESS)`;
    header(`temporal: using ${temporalLabel}`);
  } else {
    header(`temporal: starting the dev server on 127.0.0.1:${config.temporalPort} …`);
    const t = Date.now();
    // A restart opens the same SQLite file on the same port: histories, timers and signals persist,
    // and the clients' gRPC channels reconnect by themselves.
    await supervisor.start({
      name: 'temporal',
      graceMs: 15_000,
      start: (spawned) =>
        startTemporalDevServer({
          port: config.temporalPort,
          uiPort: config.temporalUiPort,
          dbFile: join(config.dataDir, 'temporal.db'),
          searchAttributes: SIGNALBOX_SEARCH_ATTRIBUTES,
          // Known from the moment it is spawned, so that Ctrl-C during startup stops it too.
          onProcess: spawned,
        }).then(() => undefined),
    });
    const address = `127.0.0.1:${config.temporalPort}`;
    childEnv.TEMPORAL_ADDRESS = address;
    childEnv.TEMPORAL_NAMESPACE = 'default';
    temporalLabel = `${address}, namespace default (dev server, ${join(config.dataDir, 'temporal.db')})`;
    temporalUi = `http://127.0.0.1:${config.temporalUiPort}`;
    header(`temporal: ready in ${formatDuration(Date.now() - t)}`);
  }
  if (shuttingDown) return;

  // 5. build
  await buildIfNeeded();
  if (shuttingDown) return;

  // 6. worker host
  {
    header(`worker: starting the worker host (health on 127.0.0.1:${config.workerHealthPort}) …`);
    const t = Date.now();
    const [cmd, args] = tsxMainThreadOnly('worker/main.ts');
    await supervisor.start({
      name: 'worker',
      async start(spawned) {
        const worker = startProcess('worker', cmd, [...args], { cwd: root, env: childEnv });
        spawned(worker);
        await waitForHttp(`http://127.0.0.1:${config.workerHealthPort}/healthz`, {
          timeoutMs: 180_000,
          process: worker,
          what: 'the worker host (worker/main.ts, GET /healthz)',
        });
      },
    });
    header(`worker: ready in ${formatDuration(Date.now() - t)}`);
  }
  if (shuttingDown) return;

  // 7. web app
  const appUrl = `http://127.0.0.1:${config.port}`;
  {
    header(`web: next start on ${appUrl} …`);
    const t = Date.now();
    await supervisor.start({
      name: 'web',
      async start(spawned) {
        const web = startProcess('web', join(root, 'node_modules/.bin/next'), ['start', '-p', String(config.port), '-H', '127.0.0.1'], {
          cwd: root,
          env: childEnv,
        });
        spawned(web);
        await waitForHttp(`${appUrl}/`, { timeoutMs: 120_000, process: web, what: `the web app on ${appUrl}` });
      },
    });
    header(`web: ready in ${formatDuration(Date.now() - t)}`);
  }
  if (shuttingDown) return;

  // 8. summary
  const lines: Array<[string, string]> = [
    ['Signalbox        ', appUrl],
    ['Temporal Web UI  ', temporalUi ?? '(external cluster — use its own UI)'],
    ['Temporal address ', temporalLabel],
    ['Database         ', databaseLabel],
    ['Data directory   ', config.dataDir],
  ];
  printBox(lines);
  log('signalbox', `all services up in ${formatDuration(Date.now() - started)}`);
}

main().catch(async (error: unknown) => {
  if (shuttingDown) return;
  const message = error instanceof StartupError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`\n[signalbox] ${message}\n\n`);
  await shutdown(1);
});

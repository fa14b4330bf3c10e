/**
 * Test helper: the server side of Signalbox for an integration test that calls the app's route
 * handlers in-process — a migrated database the worker host shares and a worker host
 * (worker/main.ts, its own process) connected to Temporal (TEMPORAL_ADDRESS).
 *
 * The database is the test file's own: with TEST_DATABASE_URL (`npm test` starts one PostgreSQL
 * for all integration files) a new database on that server, dropped by stop(), so no file sees
 * another's users, processes or deployments; else the embedded PGlite served by db/server.ts in
 * memory, as under `npm start`.
 *
 *   let stack: TestStack | undefined;
 *   before(async () => { if (!skip) stack = await startTestStack({ name: 'approvals' }); });
 *   after(() => stack?.stop());
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { closeDb } from '@/db/client';
import { closeTemporalClient } from '@/lib/temporal-client';
import { stopVerifier } from '@/lib/deploy/verifier';
import { SIGNALBOX_SEARCH_ATTRIBUTES, startTemporalDevServer, type TemporalDevServer } from '@/scripts/lib/temporal-server';
import { migrateDatabase, serveInMemoryDatabase } from './database';
import { eventually } from './eventually';
import { freePort, projectDir, startTs, type Child } from './processes';

export interface TestStackOptions {
  /** Names this run's data directory `.data-test-<name>-<pid>` (deployment builds), removed by stop(). */
  name: string;
  /** Extra environment of the worker host, e.g. shorter retirement timings. */
  workerEnv?: Record<string, string>;
  /**
   * Starts the file's own in-memory Temporal dev server with these extra dynamic config values
   * (e.g. FAST_DRAINAGE_DYNAMIC_CONFIG) instead of using TEMPORAL_ADDRESS's, which may lack them.
   */
  ownTemporal?: { dynamicConfig: string[] };
}

export interface TestStack {
  databaseUrl: string;
  /** The Temporal server's address (the own one with `ownTemporal`). */
  temporalAddress: string;
  /** The worker host process (its output can be waited for). */
  worker: Child;
  /** The worker host's health endpoint, `http://127.0.0.1:<port>/healthz`. */
  healthUrl: string;
  /** Resolves once the worker host runs the deployment's worker. */
  deploymentRunning(deploymentId: string): Promise<void>;
  /** Stops the verifier, closes the app's Temporal client and database, stops the processes, removes the data directory. */
  stop(): Promise<void>;
}

/** A new database on the server of `serverUrl`, named after the test file; drop() removes it. */
export async function createTestDatabase(serverUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const url = new URL(serverUrl);
  const database = `${url.pathname.slice(1) || 'signalbox'}_${name}_${process.pid}`.replace(/\W/g, '_').toLowerCase();
  const onServer = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await onServer(`CREATE DATABASE "${database}"`);
  url.pathname = `/${database}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`) };
}

interface WorkerHealth {
  workers: { deploymentId: string; state: string }[];
}

/** Starts the stack and points this process's app code at it (SIGNALBOX_DATA_DIR, DATABASE_URL). */
export async function startTestStack({ name, workerEnv = {}, ownTemporal }: TestStackOptions): Promise<TestStack> {
  // Inside the project, so deployments' builds resolve @temporalio/* from its node_modules.
  const dataDir = `.data-test-${name}-${process.pid}`;
  process.env.SIGNALBOX_DATA_DIR = dataDir;
  let dbServer: Child | null = null;
  let ownDatabase: { url: string; drop(): Promise<void> } | null = null;
  let worker: Child | null = null;
  let temporal: TemporalDevServer | null = null;
  const stop = async () => {
    stopVerifier();
    await closeTemporalClient();
    await closeDb();
    await worker?.stop();
    await dbServer?.stop();
    await temporal?.stop();
    // A database left behind on a throwaway server costs nothing; a failed drop must not fail the tests.
    await ownDatabase?.drop().catch((error: Error) => console.warn(`[stack] could not drop the test database: ${error.message}`));
    rmSync(join(projectDir, dataDir), { recursive: true, force: true });
  };
  try {
    let databaseUrl: string;
    if (process.env.TEST_DATABASE_URL) {
      ownDatabase = await createTestDatabase(process.env.TEST_DATABASE_URL, name);
      databaseUrl = ownDatabase.url;
      await migrateDatabase(databaseUrl);
    } else {
      const served = await serveInMemoryDatabase();
      dbServer = served.server;
      databaseUrl = served.url;
    }
    process.env.DATABASE_URL = databaseUrl;
    if (ownTemporal) {
      temporal = await startTemporalDevServer({
        port: await freePort(),
        searchAttributes: SIGNALBOX_SEARCH_ATTRIBUTES,
        dynamicConfig: ownTemporal.dynamicConfig,
        name: `temporal-${name}`,
        quiet: true,
      });
      // Before the app's Temporal client first connects; the worker host inherits it.
      process.env.TEMPORAL_ADDRESS = temporal.address;
    }

    const healthPort = await freePort();
    const healthUrl = `http://127.0.0.1:${healthPort}/healthz`;
    const env = { DATABASE_URL: databaseUrl, WORKER_HEALTH_PORT: String(healthPort), WORKER_POLL_MS: '300', ...workerEnv };
    const host = (worker = startTs('worker/main.ts', env, 'worker'));
    await host.waitFor(/connected to Temporal/);
    return {
      databaseUrl,
      temporalAddress: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
      worker: host,
      healthUrl,
      async deploymentRunning(deploymentId) {
        await eventually('the worker host to run the deployment', async () => {
          const health = (await (await fetch(healthUrl)).json()) as WorkerHealth;
          return health.workers.find((w) => w.deploymentId === deploymentId && w.state === 'running');
        });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

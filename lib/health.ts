/**
 * Whether the app's dependencies answer right now: the database, Temporal and the worker hosts
 * (with the deployments each serves; lib/worker-host-health.ts).
 * Each probe has a short deadline so a dead dependency answers "down" quickly instead of hanging.
 * `ok` (and GET /api/health's 200 / 503) covers what this web app needs to serve: the database and
 * Temporal. A worker host that is down is reported but does not make the web app unhealthy — a load
 * balancer sending its traffic elsewhere would not help (executions wait for any host to return).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getTemporalClient, temporalNamespace } from './temporal-client';
import { temporalSettings } from './temporal-settings';
import { checkWorkerHosts, type WorkerHostsHealth } from './worker-host-health';

const PROBE_TIMEOUT_MS = 2000;

export interface Probe {
  ok: boolean;
  ms: number;
  message?: string;
}

export interface Health {
  ok: boolean;
  database: Probe;
  temporal: Probe & { address: string; namespace: string };
  workers: WorkerHostsHealth;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

async function probe(what: string, fn: () => Promise<unknown>): Promise<Probe> {
  const started = Date.now();
  try {
    await withTimeout(fn(), what);
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, ms: Date.now() - started, message: error instanceof Error ? error.message : String(error) };
  }
}

export async function checkHealth(): Promise<Health> {
  const [database, temporal, workers] = await Promise.all([
    probe('The database', async () => (await getDb()).execute(sql`select 1`)),
    probe('Temporal', async () => {
      const client = await getTemporalClient();
      await client.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        client.workflowService.describeNamespace({ namespace: temporalNamespace() }),
      );
    }),
    checkWorkerHosts(PROBE_TIMEOUT_MS),
  ]);
  const { address, namespace } = temporalSettings();
  return { ok: database.ok && temporal.ok, database, temporal: { ...temporal, address, namespace }, workers };
}

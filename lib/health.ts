/**
 * Whether the app's dependencies answer right now: the database and Temporal.
 * Each probe has a short deadline so a dead dependency answers "down" quickly instead of hanging.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getTemporalClient, temporalNamespace } from './temporal-client';
import { temporalSettings } from './temporal-settings';

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
  const [database, temporal] = await Promise.all([
    probe('The database', async () => (await getDb()).execute(sql`select 1`)),
    probe('Temporal', async () => {
      const client = await getTemporalClient();
      await client.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        client.workflowService.describeNamespace({ namespace: temporalNamespace() }),
      );
    }),
  ]);
  const { address, namespace } = temporalSettings();
  return { ok: database.ok && temporal.ok, database, temporal: { ...temporal, address, namespace } };
}

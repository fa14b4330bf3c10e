/**
 * The one module that owns the app's Temporal `Client` and its `Connection`:
 * created on first use, cached on globalThis so Next.js dev reloads reuse it instead of leaking
 * connections. Never import @temporalio/worker from the app.
 */
import 'server-only';
import { Client, Connection, isGrpcServiceError } from '@temporalio/client';
import { temporalClientInterceptors } from './temporal-calls';
import { temporalConnectionOptions, temporalSettings } from './temporal-settings';

/** Temporal could not be reached (the API answers 503). */
export class TemporalUnavailableError extends Error {
  readonly code = 'temporal.unavailable';
  constructor(address: string, cause: unknown) {
    super(`Temporal is not reachable at ${address}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'TemporalUnavailableError';
  }
}

const globalForTemporal = globalThis as typeof globalThis & {
  __signalboxTemporal?: Promise<{ client: Client; connection: Connection }>;
};

const CONNECT_TIMEOUT = '5 seconds';

export async function getTemporalClient(): Promise<Client> {
  globalForTemporal.__signalboxTemporal ??= (async () => {
    const settings = temporalSettings();
    try {
      const connection = await Connection.connect({
        ...temporalConnectionOptions(settings),
        connectTimeout: CONNECT_TIMEOUT,
        interceptors: temporalClientInterceptors(), // counts calls (lib/temporal-calls.ts)
      });
      return { connection, client: new Client({ connection, namespace: settings.namespace }) };
    } catch (error) {
      throw new TemporalUnavailableError(settings.address, error);
    }
  })();
  try {
    return (await globalForTemporal.__signalboxTemporal).client;
  } catch (error) {
    // Try again on the next call (the server may come up later).
    globalForTemporal.__signalboxTemporal = undefined;
    throw error;
  }
}

/** The task queues / namespace the client is set up for. */
export function temporalNamespace(): string {
  return temporalSettings().namespace;
}

/** gRPC UNAVAILABLE (14) or DEADLINE_EXCEEDED (4): the server is down or unreachable. */
export function isTemporalUnavailable(error: unknown): boolean {
  if (error instanceof TemporalUnavailableError) return true;
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isGrpcServiceError(e) && (e.code === 14 || e.code === 4)) return true;
  }
  return false;
}

/** Closes the cached connection (scripts and tests). */
export async function closeTemporalClient(): Promise<void> {
  const pending = globalForTemporal.__signalboxTemporal;
  globalForTemporal.__signalboxTemporal = undefined;
  if (!pending) return;
  try {
    await (await pending).connection.close();
  } catch {
    // never connected
  }
}

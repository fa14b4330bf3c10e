/**
 * Follows one execution for the monitor page as a server-sent-events stream. The polling is
 * shared: every stream of an execution subscribes to its one watcher (lib/executions/watcher.ts),
 * which asks Temporal (describe + the designer query) every POLL_MS however many pages are open,
 * so a signal's effect reaches the page within one poll plus one query round trip and 100 pages
 * cost what one does. Each stream keeps its own access checks, heartbeats and frames.
 */
import 'server-only';
import { ApiError } from '../api/errors';
import type { Principal } from '../auth/principal';
import { readableExecution } from './access';
import { describeExecution, type ExecutionDetail } from './service';
import { WatcherRegistry, type Membership, type Polled, type WatchSubscriber } from './watcher';
import { isTemporalUnavailable } from '../temporal-client';

const POLL_MS = 250;
const RETRY_MS = 2000;
const HEARTBEAT_MS = 15_000;

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function problemOf(error: unknown): { code: string; message: string } {
  return {
    code: isTemporalUnavailable(error) ? 'temporal.unavailable' : 'internal',
    message: error instanceof Error ? error.message : String(error),
  };
}

const globalForWatchers = globalThis as typeof globalThis & { __signalboxExecutionWatchers?: WatcherRegistry };

/** This process's watchers (cached on globalThis so Next.js dev reloads share them). */
export function executionWatchers(): WatcherRegistry {
  globalForWatchers.__signalboxExecutionWatchers ??= new WatcherRegistry({ describe: describeExecution, pollMs: POLL_MS, retryMs: RETRY_MS });
  return globalForWatchers.__signalboxExecutionWatchers;
}

/**
 * The stream; throws (before streaming) when the execution does not exist or the principal may not
 * read it (lib/executions/access.ts). A new run (a reset, continue-as-new) is checked again before
 * it is shown: a workflow id can change hands once its run has closed.
 */
export function followExecution({ principal, workflowId, signal }: { principal: Principal; workflowId: string; signal?: AbortSignal }): Promise<ReadableStream<Uint8Array>> {
  return streamExecution({
    workflowId,
    signal,
    watchers: executionWatchers(),
    readableRun: async (runId) => (await readableExecution(principal, workflowId, runId)).description.runId,
  });
}

export interface StreamOptions {
  workflowId: string;
  signal?: AbortSignal;
  watchers: WatcherRegistry;
  /** The run's id (the current run's without `runId`) when this viewer may read it; else throws execution.not-found. */
  readableRun(runId?: string): Promise<string>;
  heartbeatMs?: number;
}

/** followExecution with its collaborators given (tests). */
export async function streamExecution({ workflowId, signal, watchers, readableRun, heartbeatMs = HEARTBEAT_MS }: StreamOptions): Promise<ReadableStream<Uint8Array>> {
  let checkedRunId = await readableRun();
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  // eslint-disable-next-line prefer-const -- assigned after stop() is defined, which may not see it yet
  let membership: Membership | undefined;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    membership?.leave();
    signal?.removeEventListener('abort', stop);
    try {
      controller?.close();
    } catch {
      // already closed by the client
    }
  };
  const enqueue = (text: string) => {
    if (!stopped) controller?.enqueue(encoder.encode(text));
  };
  const send = (event: string, data: unknown) => enqueue(frame(event, data));

  let last = '';
  let lastSentAt = Date.now();
  // The page keeps the design of the first detail it gets: until one went out, the next carries it.
  let designToSend: ExecutionDetail['design'];
  const publish = ({ detail, key }: Polled) => {
    if (key !== last) {
      last = key;
      lastSentAt = Date.now();
      const withDesign = designToSend !== undefined && detail.design === undefined ? { ...detail, design: designToSend } : detail;
      designToSend = undefined;
      send('execution', withDesign);
    } else if (Date.now() - lastSentAt > heartbeatMs) {
      lastSentAt = Date.now();
      enqueue(': heartbeat\n\n');
    }
    if (detail.status !== 'RUNNING') {
      send('end', { status: detail.status });
      stop();
    }
  };
  const show = async (polled: Polled) => {
    if (polled.detail.runId !== checkedRunId) {
      try {
        checkedRunId = await readableRun(polled.detail.runId);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'execution.not-found') {
          // the new run is not this viewer's to read: only this stream ends
          send('problem', { code: error.code, message: error.message });
          stop();
        } else {
          send('problem', problemOf(error)); // checked again with the next poll
        }
        return;
      }
    }
    publish(polled);
  };

  // Details are shown one at a time (an access check may be under way); only the newest waiting one counts.
  let waiting: Polled | undefined;
  let showing = false;
  let started = false; // nothing before the first detail
  const showLatest = async () => {
    if (showing || !started) return;
    showing = true;
    while (waiting && !stopped) {
      const next = waiting;
      waiting = undefined;
      await show(next);
    }
    showing = false;
  };
  const subscriber: WatchSubscriber = {
    detail(polled) {
      waiting = polled;
      void showLatest();
    },
    problem(error) {
      send('problem', problemOf(error));
    },
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      stop();
    },
  });
  membership = await watchers.watcherFor(workflowId).join(subscriber);
  designToSend = membership.first.detail.design;
  signal?.addEventListener('abort', stop);
  if (signal?.aborted) stop();
  // The latest detail at once; anything polled since it was taken (the run's close, say) right after.
  const polledMeanwhile = waiting;
  waiting = membership.first;
  started = true;
  const shown = showLatest(); // takes the first detail synchronously
  if (polledMeanwhile && waiting === undefined) waiting = polledMeanwhile;
  void shown;
  return stream;
}

// @ts-check
/**
 * The activity runner: one child process of the worker host that runs one deployment's custom
 * activities, one call at a time (pool.ts). It is started by sandbox.ts under Node's permission
 * model (reads limited to the deployment's folder, this file and the @temporalio packages the
 * activity API needs; no writes, child processes, worker threads or native addons), with a
 * scrubbed environment, an unprivileged user where the host runs as root, and bounded memory.
 *
 * Plain JavaScript on purpose: it runs on bare `node`, without tsx, whose loader would need to
 * read far more and start esbuild (a child process). The messages are typed in protocol.ts.
 *
 * The activity code gets the real `@temporalio/activity` API: this runner builds a Context for each
 * call whose heartbeat and log go to the host over IPC, and whose cancellation comes from it.
 * Nothing here is a security boundary against the code it runs (it shares this process): the
 * process is.
 */
import { pathToFileURL } from 'node:url';
import { Context, asyncLocalStorage } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure, noopMetricMeter } from '@temporalio/common';

/** @type {Map<string, (...args: unknown[]) => Promise<unknown>>} */
const activities = new Map();
/** The call running now: its id and how to cancel it. @type {{ id: number, cancel(reason: string): void } | null} */
let current = null;

/** @param {import('./protocol').RunnerMessage} message */
function send(message) {
  try {
    process.send?.(message);
  } catch (error) {
    // A value structured clone cannot copy (a function, a class with private state…): say so instead.
    if (message.type === 'result' || message.type === 'heartbeat') {
      const text = `the activity's ${message.type === 'result' ? 'result' : 'heartbeat details'} cannot be sent to the worker host: ${error instanceof Error ? error.message : String(error)}`;
      process.send?.({ type: 'error', id: message.id, error: { kind: 'application', name: 'ApplicationFailure', message: text, type: 'CustomActivityUnserializable', nonRetryable: true } });
    }
  }
}

/** @param {unknown} error @returns {import('./protocol').RemoteError} */
function describe(error) {
  if (error instanceof CancelledFailure) return { kind: 'cancelled', name: error.name, message: error.message, stack: error.stack };
  if (error instanceof ApplicationFailure) {
    return { kind: 'application', name: error.name, message: error.message, stack: error.stack, type: error.type ?? undefined, nonRetryable: Boolean(error.nonRetryable), details: plain(error.details ?? []) };
  }
  if (error instanceof Error) return { kind: 'error', name: error.name, message: error.message, stack: error.stack };
  return { kind: 'error', name: 'Error', message: String(error) };
}

/** Details of a failure as plain data (they travel as JSON-like values). @param {unknown} value @returns {unknown[]} */
function plain(value) {
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return [];
  }
}

/** @param {import('./protocol').LoadMessage} message */
async function load({ modules }) {
  for (const { activity, file } of modules) {
    /** @type {Record<string, unknown>} */
    let module;
    try {
      module = await import(pathToFileURL(file).href);
    } catch (error) {
      send({ type: 'load-failed', activity, message: error instanceof Error ? error.message : String(error), missingExport: false });
      return;
    }
    const implementation = module[activity];
    if (typeof implementation !== 'function') {
      send({ type: 'load-failed', activity, message: `does not export a function named ${activity}`, missingExport: true });
      return;
    }
    activities.set(activity, /** @type {(...args: unknown[]) => Promise<unknown>} */ (implementation));
  }
  send({ type: 'loaded' });
}

/** @param {import('./protocol').CallMessage} message */
async function call({ id, activity, args, info }) {
  const implementation = activities.get(activity);
  if (!implementation) {
    send({ type: 'error', id, error: { kind: 'application', name: 'ApplicationFailure', message: `no custom activity named ${activity} in this deployment`, type: 'CustomActivityUnknown', nonRetryable: true } });
    return;
  }
  const controller = new AbortController();
  /** @type {(reason: unknown) => void} */
  let reject = () => {};
  /** @type {Promise<never>} */
  const cancelled = new Promise((_, rejectCancelled) => (reject = rejectCancelled));
  cancelled.catch(() => {}); // code that never awaits it must not crash the runner
  /** @type {{ details?: Record<string, boolean> }} */
  const cancellation = {};
  current = {
    id,
    cancel(reason) {
      cancellation.details = { cancelRequested: reason === 'CANCELLED', timedOut: reason === 'TIMED_OUT', workerShutdown: reason === 'WORKER_SHUTDOWN', notFound: reason === 'NOT_FOUND', paused: reason === 'PAUSED', reset: reason === 'RESET' };
      reject(new CancelledFailure(reason));
      controller.abort(new CancelledFailure(reason));
    },
  };
  /** @param {import('./protocol').LogLevel} level @returns {(message: string, meta?: Record<string, unknown>) => void} */
  const logAt = (level) => (message, meta) => send({ type: 'log', id, level, message: String(message), ...(meta ? { meta: /** @type {Record<string, unknown>} */ (plain(meta)) } : {}) });
  const logger = {
    /** @param {import('./protocol').LogLevel} level @param {string} message @param {Record<string, unknown>} [meta] */
    log: (level, message, meta) => logAt(level)(message, meta),
    trace: logAt('trace'),
    debug: logAt('debug'),
    info: logAt('info'),
    warn: logAt('warn'),
    error: logAt('error'),
  };
  /** @param {unknown} details */
  const heartbeat = (details) => send({ type: 'heartbeat', id, details });
  // The SDK's worker builds each activity's Context the same way.
  const context = new Context(info, cancelled, controller.signal, heartbeat, undefined, logger, noopMetricMeter, cancellation);
  try {
    const value = await asyncLocalStorage.run(context, () => implementation(...args));
    send({ type: 'result', id, value });
  } catch (error) {
    send({ type: 'error', id, error: describe(error) });
  } finally {
    if (current?.id === id) current = null;
  }
}

process.on('message', (/** @type {import('./protocol').HostMessage} */ message) => {
  if (message.type === 'load') void load(message);
  else if (message.type === 'call') void call(message);
  else if (message.type === 'cancel' && current?.id === message.id) current.cancel(message.reason);
});
// The host going away (crash, SIGKILL) closes the channel: nothing left to run for.
process.on('disconnect', () => process.exit(0));

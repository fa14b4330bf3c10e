/**
 * The messages between the worker host and an activity runner process (child.mjs), sent over the
 * fork IPC channel with structured-clone serialization. The runner is untrusted: the host checks
 * every message it receives against these shapes (isRunnerMessage) and ignores the rest.
 * child.mjs is plain JavaScript (see its header), so these types are its documentation too.
 */

/** host → runner: import these modules (one per activity) from the runner's folder. */
export interface LoadMessage {
  type: 'load';
  modules: { activity: string; file: string }[];
}

/** host → runner: run one activity; `info` is the host's activityInfo(), copied. */
export interface CallMessage {
  type: 'call';
  id: number;
  activity: string;
  args: unknown[];
  info: Record<string, unknown>;
}

/** host → runner: the call was cancelled (Temporal's reason, e.g. CANCELLED, TIMED_OUT). */
export interface CancelMessage {
  type: 'cancel';
  id: number;
  reason: string;
}

export type HostMessage = LoadMessage | CallMessage | CancelMessage;

/** A failure thrown by activity code, as the runner saw it. */
export interface RemoteError {
  /** `application` (an ApplicationFailure), `cancelled` (a CancelledFailure) or any other thrown value. */
  kind: 'application' | 'cancelled' | 'error';
  name: string;
  message: string;
  stack?: string;
  /** ApplicationFailure's type, nonRetryable and details. */
  type?: string;
  nonRetryable?: boolean;
  details?: unknown[];
}

export type RunnerMessage =
  | { type: 'loaded' }
  | { type: 'load-failed'; activity: string; message: string; missingExport: boolean }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: RemoteError }
  | { type: 'heartbeat'; id: number; details: unknown }
  | { type: 'log'; id: number; level: LogLevel; message: string; meta?: Record<string, unknown> };

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isRemoteError(value: unknown): value is RemoteError {
  return isObject(value) && ['application', 'cancelled', 'error'].includes(value.kind as string) && typeof value.message === 'string' && typeof value.name === 'string';
}

/** Whether an untrusted message from a runner has one of the shapes above. */
export function isRunnerMessage(message: unknown): message is RunnerMessage {
  if (!isObject(message)) return false;
  const hasId = typeof message.id === 'number';
  switch (message.type) {
    case 'loaded':
      return true;
    case 'load-failed':
      return typeof message.activity === 'string' && typeof message.message === 'string';
    case 'result':
    case 'heartbeat':
      return hasId;
    case 'error':
      return hasId && isRemoteError(message.error);
    case 'log':
      return hasId && LOG_LEVELS.includes(message.level as LogLevel) && typeof message.message === 'string' && (message.meta === undefined || isObject(message.meta));
    default:
      return false;
  }
}

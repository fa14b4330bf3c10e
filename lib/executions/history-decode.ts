/**
 * One Temporal history event (the proto object the server sends) as a plain row the monitor's
 * timeline reads: payloads decoded into JSON values, the proto's 64-bit Longs turned into numbers
 * (strings beyond 2^53), timestamps into ISO text, durations into words, and the facts the
 * timeline groups and links events by (activity / update / timer / child keys, names, attempts,
 * failure messages) lifted out of the attributes. Pure: it runs on the server for each page.
 */
import 'server-only';
import protoPackage, { type temporal } from '@temporalio/proto';
import type { HistoryEventRow, HistoryKind } from './history-row';

const proto = protoPackage.temporal;
const T = proto.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Keys that say nothing to an operator (worker identities, SDK bookkeeping, headers). */
const NOISE = new Set(['header', 'identity', 'workerVersion', 'sdkMetadata', 'meteringMetadata', 'workflowTaskCompletedEventId', 'deploymentVersion', 'versioningOverride', 'workerDeploymentName', 'useWorkflowBuildId', 'useCompatibleVersion', 'workflowTaskCompletedEventId', 'originalExecutionRunId', 'firstExecutionRunId', 'firstWorkflowTaskBackoff', 'workflowId', 'requestId', 'priority', 'inheritedBuildId', 'sourceVersionStamp', 'buildIdRedirectCounter', 'workerDeploymentVersion', 'eagerExecutionAccepted', 'completionCallbacks', 'rootWorkflowExecution', 'prevAutoResetPoints', 'links']);
const MAX_DEPTH = 8;
const MAX_TEXT = 2000;

/** A protobufjs Long (or one that went through JSON): { low, high, unsigned }. */
function isLong(value: object): value is { low: number; high: number; unsigned: boolean; toString?: () => string } {
  const v = value as Record<string, unknown>;
  return typeof v.low === 'number' && typeof v.high === 'number' && typeof v.unsigned === 'boolean';
}

/** A Long as a number when it fits exactly, else its decimal text. */
export function longValue(value: { low: number; high: number; unsigned: boolean }): number | string {
  const big = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  const signed = value.unsigned ? big : BigInt.asIntN(64, big);
  return signed <= BigInt(Number.MAX_SAFE_INTEGER) && signed >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(signed) : signed.toString();
}

function toNumber(value: unknown): number {
  if (value == null) return 0;
  if (typeof value === 'object' && isLong(value)) return Number(longValue(value));
  return Number(value);
}

function seconds(value: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  return value ? toNumber(value.seconds) + (value.nanos ?? 0) / 1e9 : 0;
}

const UNITS: [string, number][] = [['day', 86_400], ['hour', 3600], ['minute', 60], ['second', 1]];

/** 604800 → "7 days", 5400 → "1 hour 30 minutes", 0.25 → "250 ms". */
export function durationWords(totalSeconds: number): string {
  if (totalSeconds > 0 && totalSeconds < 1) return `${Math.round(totalSeconds * 1000)} ms`;
  let rest = Math.round(totalSeconds);
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
    rest -= count * size;
  }
  return parts.length ? parts.join(' ') : '0 seconds';
}

function payloadValue(payload: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }): unknown {
  const encoding = payload.metadata?.encoding ? Buffer.from(payload.metadata.encoding).toString('utf8') : '';
  const data = payload.data ?? new Uint8Array();
  if (encoding === 'binary/null') return null;
  if (encoding.startsWith('json/') || encoding === '') {
    const text = Buffer.from(data).toString('utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return `<${encoding}, ${data.byteLength} bytes>`;
}

/**
 * Any proto value as JSON: Longs as numbers, payloads as their values (a list of one payload as
 * that value), `…Time` timestamps as ISO text, other {seconds, nanos} as duration words, bytes
 * as text, empty and noisy fields left out.
 */
export function plain(value: unknown, key = '', depth = 0): unknown {
  if (value == null) return undefined;
  if (typeof value === 'bigint') return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  if (typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '…';
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (isLong(value)) return longValue(value);
  if (Array.isArray(value)) return value.map((item) => plain(item, key, depth + 1));
  const record = value as Record<string, unknown>;
  if (record.data instanceof Uint8Array && 'metadata' in record) return payloadValue(record as never);
  if (Array.isArray(record.payloads) && Object.keys(record).length === 1) {
    const values = record.payloads.map((p) => plain(p, key, depth + 1));
    return values.length === 1 ? values[0] : values;
  }
  const keys = Object.keys(record);
  if ('seconds' in record && keys.every((k) => k === 'seconds' || k === 'nanos')) {
    const total = seconds(record as { seconds?: unknown; nanos?: number });
    return /time$/i.test(key) ? new Date(total * 1000).toISOString() : durationWords(total);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (NOISE.has(k)) continue;
    const decoded = plain(v, k, depth + 1);
    if (decoded === undefined || decoded === '' || (typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded) && Object.keys(decoded).length === 0)) continue;
    out[k] = decoded;
  }
  return out;
}

function eventTypeName(type: number | null | undefined): string {
  const name = type == null ? undefined : proto.api.enums.v1.EventType[type];
  return typeof name === 'string' ? name.replace(/^EVENT_TYPE_/, '') : `EVENT_${type}`;
}

/** The innermost message of a failure chain ("Activity task failed" wraps the activity's own error). */
function failureMessage(failure: temporal.api.failure.v1.IFailure | null | undefined): string | undefined {
  if (!failure) return undefined;
  const own = failure.message ?? '';
  const cause = failureMessage(failure.cause);
  return cause && (!own || /^(activity|child workflow) (task )?(failed|execution failed)/i.test(own)) ? cause : own || cause;
}

function searchAttributeStep(fields: Record<string, { data?: Uint8Array | null; metadata?: Record<string, Uint8Array> | null }> | null | undefined): string | undefined {
  const step = fields?.SignalboxStep;
  if (!step) return undefined;
  const value = payloadValue(step);
  return typeof value === 'string' ? value : undefined;
}

type Facts = Omit<HistoryEventRow, 'id' | 'time' | 'type' | 'details'> & { payload?: unknown };

/** What the timeline needs of each event type: its kind, what happened, its group and names. */
function factsOf(event: HistoryEvent): Facts {
  const e = event;
  switch (e.eventType) {
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED: {
      const a = e.workflowExecutionStartedEventAttributes;
      return { kind: 'workflow', action: 'started', name: a?.workflowType?.name ?? undefined, step: searchAttributeStep(a?.searchAttributes?.indexedFields), payload: a?.input };
    }
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
      return { kind: 'workflow', action: 'completed', payload: e.workflowExecutionCompletedEventAttributes?.result };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
      return { kind: 'workflow', action: 'failed', message: failureMessage(e.workflowExecutionFailedEventAttributes?.failure) };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
      return { kind: 'workflow', action: 'timed out' };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED:
      return { kind: 'workflow', action: 'cancel requested', message: e.workflowExecutionCancelRequestedEventAttributes?.cause || undefined };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
      return { kind: 'workflow', action: 'canceled' };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
      return { kind: 'workflow', action: 'terminated', message: e.workflowExecutionTerminatedEventAttributes?.reason || undefined };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
      return { kind: 'workflow', action: 'continued as new', payload: e.workflowExecutionContinuedAsNewEventAttributes?.input };
    case T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
    case T.EVENT_TYPE_WORKFLOW_TASK_STARTED:
    case T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
    case T.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT:
    case T.EVENT_TYPE_WORKFLOW_TASK_FAILED: {
      const scheduled = e.workflowTaskStartedEventAttributes?.scheduledEventId ?? e.workflowTaskCompletedEventAttributes?.scheduledEventId
        ?? e.workflowTaskTimedOutEventAttributes?.scheduledEventId ?? e.workflowTaskFailedEventAttributes?.scheduledEventId ?? e.eventId;
      const action = eventTypeName(e.eventType).replace('WORKFLOW_TASK_', '').replace('_', ' ').toLowerCase();
      return { kind: 'workflow', internal: true, action, group: `task:${toNumber(scheduled)}`, message: failureMessage(e.workflowTaskFailedEventAttributes?.failure) };
    }
    case T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
      return { kind: 'workflow', internal: true, action: 'step recorded', step: searchAttributeStep(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields) };
    case T.EVENT_TYPE_MARKER_RECORDED:
      return { kind: 'workflow', internal: true, action: 'marker recorded', name: e.markerRecordedEventAttributes?.markerName ?? undefined };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED: {
      const a = e.workflowExecutionSignaledEventAttributes;
      return { kind: 'signal', action: 'received', name: a?.signalName ?? undefined, payload: a?.input };
    }
    case T.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED: {
      const a = e.signalExternalWorkflowExecutionInitiatedEventAttributes;
      return { kind: 'signal', action: 'sent', name: a?.signalName ?? undefined, group: `external:${toNumber(e.eventId)}`, childWorkflowId: a?.workflowExecution?.workflowId ?? undefined, payload: a?.input };
    }
    case T.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED:
      return { kind: 'signal', action: 'not delivered', group: `external:${toNumber(e.signalExternalWorkflowExecutionFailedEventAttributes?.initiatedEventId)}` };
    case T.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED:
      return { kind: 'signal', action: 'delivered', group: `external:${toNumber(e.externalWorkflowExecutionSignaledEventAttributes?.initiatedEventId)}` };
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ADMITTED: {
      const request = e.workflowExecutionUpdateAdmittedEventAttributes?.request;
      return { kind: 'update', action: 'admitted', name: request?.input?.name ?? undefined, group: `update:${request?.meta?.updateId ?? ''}`, payload: request?.input?.args };
    }
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
      const a = e.workflowExecutionUpdateAcceptedEventAttributes;
      const request = a?.acceptedRequest;
      const updateId = request?.meta?.updateId ?? a?.protocolInstanceId ?? '';
      return { kind: 'update', action: 'accepted', name: request?.input?.name ?? undefined, group: `update:${updateId}`, payload: request?.input?.args };
    }
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_REJECTED: {
      const a = e.workflowExecutionUpdateRejectedEventAttributes;
      const request = a?.rejectedRequest;
      return { kind: 'update', action: 'rejected', name: request?.input?.name ?? undefined, group: `update:${request?.meta?.updateId ?? a?.protocolInstanceId ?? ''}`, message: failureMessage(a?.failure), payload: request?.input?.args };
    }
    case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
      const a = e.workflowExecutionUpdateCompletedEventAttributes;
      const failed = a?.outcome?.failure;
      return { kind: 'update', action: failed ? 'failed' : 'completed', group: `update:${a?.meta?.updateId ?? ''}`, message: failureMessage(failed), payload: a?.outcome?.success };
    }
    case T.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
      const a = e.activityTaskScheduledEventAttributes;
      return { kind: 'activity', action: 'scheduled', name: a?.activityType?.name ?? undefined, activityId: a?.activityId ?? undefined, group: `activity:${toNumber(e.eventId)}`, payload: a?.input };
    }
    case T.EVENT_TYPE_ACTIVITY_TASK_STARTED: {
      const a = e.activityTaskStartedEventAttributes;
      return { kind: 'activity', action: 'started', attempt: a?.attempt ?? undefined, group: `activity:${toNumber(a?.scheduledEventId)}`, message: failureMessage(a?.lastFailure) };
    }
    case T.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
      const a = e.activityTaskCompletedEventAttributes;
      return { kind: 'activity', action: 'completed', group: `activity:${toNumber(a?.scheduledEventId)}`, payload: a?.result };
    }
    case T.EVENT_TYPE_ACTIVITY_TASK_FAILED: {
      const a = e.activityTaskFailedEventAttributes;
      return { kind: 'activity', action: 'failed', group: `activity:${toNumber(a?.scheduledEventId)}`, message: failureMessage(a?.failure) };
    }
    case T.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT: {
      const a = e.activityTaskTimedOutEventAttributes;
      return { kind: 'activity', action: 'timed out', group: `activity:${toNumber(a?.scheduledEventId)}`, message: failureMessage(a?.failure) };
    }
    case T.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED:
      return { kind: 'activity', action: 'cancel requested', group: `activity:${toNumber(e.activityTaskCancelRequestedEventAttributes?.scheduledEventId)}` };
    case T.EVENT_TYPE_ACTIVITY_TASK_CANCELED:
      return { kind: 'activity', action: 'canceled', group: `activity:${toNumber(e.activityTaskCanceledEventAttributes?.scheduledEventId)}` };
    case T.EVENT_TYPE_TIMER_STARTED: {
      const a = e.timerStartedEventAttributes;
      const total = seconds(a?.startToFireTimeout);
      return { kind: 'timer', action: 'started', timerId: a?.timerId ?? undefined, duration: durationWords(total), seconds: total, group: `timer:${toNumber(e.eventId)}` };
    }
    case T.EVENT_TYPE_TIMER_FIRED: {
      const a = e.timerFiredEventAttributes;
      return { kind: 'timer', action: 'fired', timerId: a?.timerId ?? undefined, group: `timer:${toNumber(a?.startedEventId)}` };
    }
    case T.EVENT_TYPE_TIMER_CANCELED: {
      const a = e.timerCanceledEventAttributes;
      return { kind: 'timer', action: 'canceled', timerId: a?.timerId ?? undefined, group: `timer:${toNumber(a?.startedEventId)}` };
    }
    case T.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED: {
      const a = e.startChildWorkflowExecutionInitiatedEventAttributes;
      return { kind: 'child', action: 'starting', name: a?.workflowType?.name ?? undefined, childWorkflowId: a?.workflowId ?? undefined, group: `child:${toNumber(e.eventId)}`, payload: a?.input };
    }
    case T.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_FAILED: {
      const a = e.startChildWorkflowExecutionFailedEventAttributes;
      const cause = a?.cause != null ? String(proto.api.enums.v1.StartChildWorkflowExecutionFailedCause[a.cause] ?? a.cause) : undefined;
      return { kind: 'child', action: 'could not start', group: `child:${toNumber(a?.initiatedEventId)}`, message: cause?.replace(/^START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_/, '').replace(/_/g, ' ').toLowerCase() };
    }
    case T.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED: {
      const a = e.childWorkflowExecutionStartedEventAttributes;
      return { kind: 'child', action: 'started', group: `child:${toNumber(a?.initiatedEventId)}`, childWorkflowId: a?.workflowExecution?.workflowId ?? undefined };
    }
    case T.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED: {
      const a = e.childWorkflowExecutionCompletedEventAttributes;
      return { kind: 'child', action: 'completed', group: `child:${toNumber(a?.initiatedEventId)}`, payload: a?.result };
    }
    case T.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED: {
      const a = e.childWorkflowExecutionFailedEventAttributes;
      return { kind: 'child', action: 'failed', group: `child:${toNumber(a?.initiatedEventId)}`, message: failureMessage(a?.failure) };
    }
    case T.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED:
      return { kind: 'child', action: 'canceled', group: `child:${toNumber(e.childWorkflowExecutionCanceledEventAttributes?.initiatedEventId)}` };
    case T.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT:
      return { kind: 'child', action: 'timed out', group: `child:${toNumber(e.childWorkflowExecutionTimedOutEventAttributes?.initiatedEventId)}` };
    case T.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED:
      return { kind: 'child', action: 'terminated', group: `child:${toNumber(e.childWorkflowExecutionTerminatedEventAttributes?.initiatedEventId)}` };
    default:
      return { kind: 'workflow', internal: true, action: eventTypeName(e.eventType).replace(/_/g, ' ').toLowerCase() };
  }
}

/** The event's attributes, whichever of the proto's many `…EventAttributes` fields carries them. */
function attributesOf(event: HistoryEvent): unknown {
  for (const [key, value] of Object.entries(event)) if (key.endsWith('EventAttributes') && value != null) return value;
  return undefined;
}

/** One history event as a timeline row (see HistoryEventRow). */
export function decodeEvent(event: HistoryEvent): HistoryEventRow {
  const { payload, ...facts } = factsOf(event);
  // The details column: the value the event carries (a signal's input, an activity's result), else its other attributes.
  const details = payload !== undefined ? plain(payload, 'payload') : plain(attributesOf(event));
  const row: HistoryEventRow = {
    id: toNumber(event.eventId),
    time: new Date(seconds(event.eventTime) * 1000).toISOString(),
    type: eventTypeName(event.eventType),
    ...facts,
  };
  if (details !== undefined && !(typeof details === 'object' && details !== null && !Array.isArray(details) && Object.keys(details).length === 0)) row.details = details;
  for (const key of Object.keys(row) as (keyof HistoryEventRow)[]) if (row[key] === undefined) delete row[key];
  return row;
}

export type { HistoryKind };

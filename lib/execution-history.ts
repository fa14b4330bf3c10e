/**
 * Server-only. An execution's event history for the monitor: one page at a time (the timeline
 * fetches pages as it scrolls, so 10,000 events never travel at once) as compact rows, and the
 * pending timers (Temporal's own UI has no list of them), derived from the whole history and
 * cached per history length so the live page does not rescan an unchanged history.
 */
import protoPackage, { type temporal } from '@temporalio/proto';
import { InputError } from './errors';
import { getTemporalClient } from './temporal-client';

// A CommonJS package: its namespaces come through the default export under ESM.
const proto = protoPackage.temporal;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export const MAX_HISTORY_PAGE = 1000;
/** Pages the server serves without a warning (its threshold is 256 events). */
const SCAN_PAGE = 256;
const SUMMARY_CHARS = 240;

export interface HistoryEventRow {
  id: number;
  time: string;
  /** e.g. TIMER_STARTED, WORKFLOW_EXECUTION_SIGNALED. */
  type: string;
  summary: string;
}

export interface PendingTimer {
  timerId: string;
  startedEventId: number;
  startedAt: string;
  firesAt: string;
}

function eventTypeName(type: number | null | undefined): string {
  const name = type == null ? undefined : proto.api.enums.v1.EventType[type];
  return typeof name === 'string' ? name.replace(/^EVENT_TYPE_/, '') : `EVENT_${type}`;
}

function timestampMs(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  if (!ts) return 0;
  return Number(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
}

function durationMs(d: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  return timestampMs(d);
}

/** Payloads shown as their JSON text; bytes and long values shortened. */
function readable(value: unknown, depth = 0): unknown {
  if (value == null || depth > 6) return value;
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (Array.isArray(value)) return value.map((v) => readable(v, depth + 1));
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.data instanceof Uint8Array && record.metadata && typeof record.metadata === 'object') {
      const text = Buffer.from(record.data).toString('utf8');
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    }
    if ('seconds' in record && 'nanos' in record && Object.keys(record).length <= 2) return `${durationMs(record as { seconds?: unknown; nanos?: number })} ms`;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
      if (v == null || k === 'header' || k === 'identity' || k === 'workerVersion' || k === 'sdkMetadata' || k === 'meteringMetadata') continue;
      out[k] = readable(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'object' || typeof value === 'bigint') return String(value);
  return value;
}

function summarise(event: HistoryEvent): string {
  const entry = Object.entries(event).find(([key, value]) => key.endsWith('EventAttributes') && value != null);
  if (!entry) return '';
  const text = JSON.stringify(readable(entry[1]), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1)}…` : text;
}

function toRow(event: HistoryEvent): HistoryEventRow {
  return {
    id: Number(event.eventId ?? 0),
    time: new Date(timestampMs(event.eventTime)).toISOString(),
    type: eventTypeName(event.eventType),
    summary: summarise(event),
  };
}

function decodeToken(token: string | undefined): Buffer {
  if (!token) return Buffer.alloc(0);
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new InputError('pageToken is not a token this API handed out', 'input.invalid', 'pageToken');
  return Buffer.from(token, 'base64url');
}

async function fetchPage(workflowId: string, runId: string | undefined, pageSize: number, token: Buffer) {
  const client = await getTemporalClient();
  return client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace,
    execution: { workflowId, runId },
    maximumPageSize: pageSize,
    nextPageToken: token,
  });
}

/** One page of the history, oldest first. */
export async function historyPage({
  workflowId,
  runId,
  pageSize = 500,
  pageToken,
}: {
  workflowId: string;
  runId?: string;
  pageSize?: number;
  pageToken?: string;
}): Promise<{ events: HistoryEventRow[]; nextPageToken: string | null }> {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_HISTORY_PAGE) {
    throw new InputError(`pageSize must be an integer from 1 to ${MAX_HISTORY_PAGE}`, 'input.invalid', 'pageSize');
  }
  const response = await fetchPage(workflowId, runId, pageSize, decodeToken(pageToken));
  const events = (response.history?.events ?? []).map(toRow);
  const next = response.nextPageToken;
  return { events, nextPageToken: next && next.length > 0 ? Buffer.from(next).toString('base64url') : null };
}

/** Applies history events (oldest first) to the open timers: started ones open, fired or cancelled ones close. */
function applyTimerEvents(open: Map<string, PendingTimer>, events: Iterable<HistoryEvent>): void {
  const T = proto.api.enums.v1.EventType;
  for (const event of events) {
    if (event.eventType === T.EVENT_TYPE_TIMER_STARTED) {
      const attrs = event.timerStartedEventAttributes;
      const timerId = attrs?.timerId ?? '';
      const started = timestampMs(event.eventTime);
      open.set(timerId, {
        timerId,
        startedEventId: Number(event.eventId ?? 0),
        startedAt: new Date(started).toISOString(),
        firesAt: new Date(started + durationMs(attrs?.startToFireTimeout)).toISOString(),
      });
    } else if (event.eventType === T.EVENT_TYPE_TIMER_FIRED) {
      open.delete(event.timerFiredEventAttributes?.timerId ?? '');
    } else if (event.eventType === T.EVENT_TYPE_TIMER_CANCELED) {
      open.delete(event.timerCanceledEventAttributes?.timerId ?? '');
    }
  }
}

/** Timers started and neither fired nor cancelled, from a history's events. */
export function pendingTimersOf(events: Iterable<HistoryEvent>): PendingTimer[] {
  const open = new Map<string, PendingTimer>();
  applyTimerEvents(open, events);
  return [...open.values()];
}

/** The events after `afterEventId`, oldest first, read newest-first so a long history is not read again. */
async function eventsAfter(workflowId: string, runId: string, afterEventId: number): Promise<HistoryEvent[]> {
  const client = await getTemporalClient();
  const newer: HistoryEvent[] = [];
  let token: Uint8Array = Buffer.alloc(0);
  do {
    const response = await client.workflowService.getWorkflowExecutionHistoryReverse({
      namespace: client.options.namespace,
      execution: { workflowId, runId },
      maximumPageSize: SCAN_PAGE,
      nextPageToken: token,
    });
    for (const event of response.history?.events ?? []) {
      if (Number(event.eventId ?? 0) <= afterEventId) return newer.reverse();
      newer.push(event);
    }
    token = response.nextPageToken ?? Buffer.alloc(0);
  } while (token.length > 0);
  return newer.reverse();
}

const timerCache = new Map<string, { historyLength: number; open: Map<string, PendingTimer> }>();
const TIMER_CACHE_ENTRIES = 200;

/**
 * The pending timers of a run. The first call scans the history once; later calls read only the
 * events added since (newest first, stopping at the last one seen), so a live page on a
 * 10,000-event execution costs one small request per change, not a rescan.
 */
export async function pendingTimers({ workflowId, runId, historyLength }: { workflowId: string; runId: string; historyLength: number }): Promise<PendingTimer[]> {
  const key = `${workflowId}/${runId}`;
  const cached = timerCache.get(key);
  if (cached && cached.historyLength === historyLength) return [...cached.open.values()];
  let open: Map<string, PendingTimer>;
  let seen: number;
  if (cached && cached.historyLength < historyLength) {
    open = new Map(cached.open);
    const newer = await eventsAfter(workflowId, runId, cached.historyLength);
    applyTimerEvents(open, newer);
    seen = Math.max(cached.historyLength, ...newer.map((e) => Number(e.eventId ?? 0)));
  } else {
    open = new Map();
    seen = 0;
    let token = Buffer.alloc(0);
    do {
      const response = await fetchPage(workflowId, runId, SCAN_PAGE, token);
      const events = response.history?.events ?? [];
      applyTimerEvents(open, events);
      for (const event of events) seen = Math.max(seen, Number(event.eventId ?? 0));
      token = Buffer.from(response.nextPageToken ?? []);
    } while (token.length > 0);
  }
  timerCache.delete(key);
  if (timerCache.size >= TIMER_CACHE_ENTRIES) timerCache.delete(timerCache.keys().next().value!);
  timerCache.set(key, { historyLength: seen, open });
  return [...open.values()];
}

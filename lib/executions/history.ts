/**
 * An execution's event history for the monitor: one page at a time (the timeline
 * fetches pages as it scrolls, so 10,000 events never travel at once) as compact rows, and the
 * pending timers and in-flight update handlers (describe lists neither), derived from the whole
 * history and cached per history length so the live page does not rescan an unchanged history.
 */
import 'server-only';
import protoPackage, { type temporal } from '@temporalio/proto';
import { InputError } from '../errors';
import { getTemporalClient } from '../temporal-client';
import { decodeEvent } from './history-decode';
import type { HistoryEventRow } from './history-row';

// A CommonJS package: its namespaces come through the default export under ESM.
const proto = protoPackage.temporal;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export const MAX_HISTORY_PAGE = 1000;
/** Pages the server serves without a warning (its threshold is 256 events). */
const SCAN_PAGE = 256;

export type { HistoryEventRow } from './history-row';

export interface PendingTimer {
  timerId: string;
  startedEventId: number;
  startedAt: string;
  firesAt: string;
}

/** An update the workflow accepted (its validator passed) whose handler has not finished yet. */
export interface PendingUpdate {
  updateId: string;
  /** The update's name, e.g. "addItem". */
  name: string;
  acceptedEventId: number;
  acceptedAt: string;
}

/** What is still open in a run, as far as its history tells. */
export interface PendingWork {
  timers: PendingTimer[];
  updates: PendingUpdate[];
}

interface OpenWork {
  timers: Map<string, PendingTimer>;
  updates: Map<string, PendingUpdate>;
}

function timestampMs(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  if (!ts) return 0;
  return Number(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
}

function durationMs(d: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  return timestampMs(d);
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

/**
 * One page of the history, oldest first, each event decoded for the timeline (history-decode.ts).
 * Temporal serves at most 256 events a call, so a larger page is filled from several calls: a
 * 50,000-event history then travels in 50 responses, not 200.
 */
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
  let token: Uint8Array = decodeToken(pageToken);
  const events: HistoryEventRow[] = [];
  do {
    const response = await fetchPage(workflowId, runId, Math.min(SCAN_PAGE, pageSize - events.length), Buffer.from(token));
    for (const event of response.history?.events ?? []) events.push(decodeEvent(event));
    token = response.nextPageToken ?? new Uint8Array();
  } while (token.length > 0 && events.length < pageSize);
  return { events, nextPageToken: token.length > 0 ? Buffer.from(token).toString('base64url') : null };
}

/**
 * Applies history events (oldest first) to the open work: a started timer opens until it fires or
 * is cancelled; an accepted update opens until its completed event (success or failure) arrives.
 */
function applyEvents(open: OpenWork, events: Iterable<HistoryEvent>): void {
  const T = proto.api.enums.v1.EventType;
  for (const event of events) {
    switch (event.eventType) {
      case T.EVENT_TYPE_TIMER_STARTED: {
        const attrs = event.timerStartedEventAttributes;
        const timerId = attrs?.timerId ?? '';
        const started = timestampMs(event.eventTime);
        open.timers.set(timerId, {
          timerId,
          startedEventId: Number(event.eventId ?? 0),
          startedAt: new Date(started).toISOString(),
          firesAt: new Date(started + durationMs(attrs?.startToFireTimeout)).toISOString(),
        });
        break;
      }
      case T.EVENT_TYPE_TIMER_FIRED:
        open.timers.delete(event.timerFiredEventAttributes?.timerId ?? '');
        break;
      case T.EVENT_TYPE_TIMER_CANCELED:
        open.timers.delete(event.timerCanceledEventAttributes?.timerId ?? '');
        break;
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
        const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
        const updateId = request?.meta?.updateId ?? event.workflowExecutionUpdateAcceptedEventAttributes?.protocolInstanceId ?? '';
        open.updates.set(updateId, {
          updateId,
          name: request?.input?.name ?? '',
          acceptedEventId: Number(event.eventId ?? 0),
          acceptedAt: new Date(timestampMs(event.eventTime)).toISOString(),
        });
        break;
      }
      case T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED:
        open.updates.delete(event.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId ?? '');
        break;
    }
  }
}

function emptyWork(): OpenWork {
  return { timers: new Map(), updates: new Map() };
}

function listWork(open: OpenWork): PendingWork {
  return { timers: [...open.timers.values()], updates: [...open.updates.values()] };
}

/** Timers started and neither fired nor cancelled, from a history's events. */
export function pendingTimersOf(events: Iterable<HistoryEvent>): PendingTimer[] {
  return pendingWorkOf(events).timers;
}

/** Timers still to fire and updates accepted but not completed, from a history's events (oldest first). */
export function pendingWorkOf(events: Iterable<HistoryEvent>): PendingWork {
  const open = emptyWork();
  applyEvents(open, events);
  return listWork(open);
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

const workCache = new Map<string, { historyLength: number; open: OpenWork }>();
const WORK_CACHE_ENTRIES = 200;

/**
 * The pending timers and in-flight updates of a run. The first call scans the history once; later
 * calls read only the events added since (newest first, stopping at the last one seen), so a live
 * page on a 10,000-event execution costs one small request per change, not a rescan.
 */
export async function pendingWork({ workflowId, runId, historyLength }: { workflowId: string; runId: string; historyLength: number }): Promise<PendingWork> {
  const key = `${workflowId}/${runId}`;
  const cached = workCache.get(key);
  if (cached && cached.historyLength === historyLength) return listWork(cached.open);
  let open: OpenWork;
  let seen: number;
  if (cached && cached.historyLength < historyLength) {
    open = { timers: new Map(cached.open.timers), updates: new Map(cached.open.updates) };
    const newer = await eventsAfter(workflowId, runId, cached.historyLength);
    applyEvents(open, newer);
    seen = Math.max(cached.historyLength, ...newer.map((e) => Number(e.eventId ?? 0)));
  } else {
    open = emptyWork();
    seen = 0;
    let token = Buffer.alloc(0);
    do {
      const response = await fetchPage(workflowId, runId, SCAN_PAGE, token);
      const events = response.history?.events ?? [];
      applyEvents(open, events);
      for (const event of events) seen = Math.max(seen, Number(event.eventId ?? 0));
      token = Buffer.from(response.nextPageToken ?? []);
    } while (token.length > 0);
  }
  workCache.delete(key);
  if (workCache.size >= WORK_CACHE_ENTRIES) workCache.delete(workCache.keys().next().value!);
  workCache.set(key, { historyLength: seen, open });
  return listWork(open);
}

/** The pending timers of a run (see pendingWork). */
export async function pendingTimers(run: { workflowId: string; runId: string; historyLength: number }): Promise<PendingTimer[]> {
  return (await pendingWork(run)).timers;
}

/**
 * The history timeline at 50,000 events, without a server: synthetic proto events as Temporal
 * sends them (Longs, payloads, timestamps), then each cost the page pays —
 *   - the route's transform (decodeEvent per event) and the JSON of its 50 pages of 1,000;
 *   - the browser's parse of those pages, grouping (compact view), node linkage and the words of
 *     every group (the list itself renders only the ~30 rows in view, @tanstack/react-virtual).
 *   node --import tsx bench/history.ts [--events 50000] [--runs 5]
 * The Temporal side of reading a long history (paging the real server) is bench/monitor-history.ts.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import protoPackage, { type temporal } from '@temporalio/proto';
import { groupEvents, groupWords } from '@/components/execution/history-groups';
import { linkGroupsToNodes } from '@/components/execution/history-nodes';
import { decodeEvent } from '@/lib/executions/history-decode';
import type { HistoryEventRow } from '@/lib/executions/history-row';
import type { Design } from '@/codegen/design';

const { values } = parseArgs({ options: { events: { type: 'string', default: '50000' }, runs: { type: 'string', default: '5' } } });
const EVENTS = Number(values.events);
const RUNS = Number(values.runs);
const T = protoPackage.temporal.api.enums.v1.EventType;
const HistoryEvent = protoPackage.temporal.api.history.v1.HistoryEvent;
const json = (value: unknown) => ({ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify(value)) });

/** A busy run: per cycle a workflow task, a signal, an update, an activity and a timer (15 events). */
function syntheticHistory(count: number): temporal.api.history.v1.IHistoryEvent[] {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  const add = (fields: Record<string, unknown>) => {
    const eventId = events.length + 1;
    events.push(HistoryEvent.fromObject({ eventId, eventTime: { seconds: 1_700_000_000 + eventId, nanos: 0 }, ...fields }));
    return eventId;
  };
  add({ eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, workflowExecutionStartedEventAttributes: { workflowType: { name: 'OrderWorkflow' }, input: { payloads: [json({ orderId: 'A-1' })] } } });
  for (let cycle = 0; events.length < count; cycle++) {
    const task = add({ eventType: T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, workflowTaskScheduledEventAttributes: { taskQueue: { name: 'q' }, attempt: 1 } });
    add({ eventType: T.EVENT_TYPE_WORKFLOW_TASK_STARTED, workflowTaskStartedEventAttributes: { scheduledEventId: task, historySizeBytes: 123_456 } });
    add({ eventType: T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, workflowTaskCompletedEventAttributes: { scheduledEventId: task, startedEventId: task + 1 } });
    add({ eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, workflowExecutionSignaledEventAttributes: { signalName: 'bump', input: { payloads: [json({ by: cycle })] } } });
    const updateId = `u-${cycle}`;
    add({ eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED, workflowExecutionUpdateAcceptedEventAttributes: { protocolInstanceId: updateId, acceptedRequest: { meta: { updateId }, input: { name: 'addItem', args: { payloads: [json({ sku: 'mouse', quantity: 2 })] } } } } });
    add({ eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED, workflowExecutionUpdateCompletedEventAttributes: { meta: { updateId }, outcome: { success: { payloads: [json({ amount: '59.98' })] } } } });
    add({ eventType: T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, upsertWorkflowSearchAttributesEventAttributes: { searchAttributes: { indexedFields: { SignalboxStep: json('notify') } } } });
    const scheduled = add({ eventType: T.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, activityTaskScheduledEventAttributes: { activityId: String(cycle), activityType: { name: 'notify' }, input: { payloads: [json({ to: 'ops@example.com' })] }, startToCloseTimeout: { seconds: 60 } } });
    add({ eventType: T.EVENT_TYPE_ACTIVITY_TASK_STARTED, activityTaskStartedEventAttributes: { scheduledEventId: scheduled, attempt: 1 + (cycle % 3) } });
    add({ eventType: T.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, activityTaskCompletedEventAttributes: { scheduledEventId: scheduled, startedEventId: scheduled + 1, result: { payloads: [json(true)] } } });
    add({ eventType: T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, upsertWorkflowSearchAttributesEventAttributes: { searchAttributes: { indexedFields: { SignalboxStep: json('pause') } } } });
    const timer = add({ eventType: T.EVENT_TYPE_TIMER_STARTED, timerStartedEventAttributes: { timerId: String(cycle), startToFireTimeout: { seconds: 604_800 } } });
    add({ eventType: T.EVENT_TYPE_TIMER_FIRED, timerFiredEventAttributes: { timerId: String(cycle), startedEventId: timer } });
  }
  return events.slice(0, count);
}

const at = { x: 0, y: 0 };
const design = { nodes: [
  { id: 'start', type: 'start', label: 'Start', position: at },
  { id: 'notify', type: 'activity', label: 'Notify', activity: 'notify', args: {}, position: at },
  { id: 'pause', type: 'timer', label: 'Pause', duration: { amount: 7, unit: 'days' }, position: at },
  { id: 'bump', type: 'signal', label: 'Bump', name: 'bump', parameters: [], assignments: [], position: at },
  { id: 'add-item', type: 'update', label: 'Add item', name: 'addItem', parameters: [], assignments: [], position: at },
] } as unknown as Pick<Design, 'nodes'>;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure<T>(fn: () => T): [T, number] {
  const times: number[] = [];
  let value!: T;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    value = fn();
    times.push(performance.now() - started);
  }
  return [value, median(times)];
}

const history = syntheticHistory(EVENTS);
const [rows, decodeMs] = measure(() => history.map(decodeEvent));
const [pages, stringifyMs] = measure(() => {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) out.push(JSON.stringify({ events: rows.slice(i, i + 1000), nextPageToken: 'x' }));
  return out;
});
const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0);
const [parsed, parseMs] = measure(() => pages.flatMap((page) => (JSON.parse(page) as { events: HistoryEventRow[] }).events));
const [groups, groupMs] = measure(() => groupEvents(parsed));
const [links, linkMs] = measure(() => linkGroupsToNodes(groups, design));
const shown = groups.filter((g) => !g.internal);
const [, wordsMs] = measure(() => shown.map((g) => groupWords(g)));
const linked = shown.filter((g) => links.has(g.key)).length;

console.log(`| ${EVENTS.toLocaleString('en')} events | decode ${decodeMs.toFixed(0)} ms | JSON ${(bytes / 1e6).toFixed(1)} MB in ${pages.length} pages, stringify ${stringifyMs.toFixed(0)} ms, parse ${parseMs.toFixed(0)} ms | group ${groupMs.toFixed(1)} ms → ${shown.length.toLocaleString('en')} rows | link ${linkMs.toFixed(1)} ms (${linked}/${shown.length} linked) | words ${wordsMs.toFixed(1)} ms | load ${loadavg().map((l) => l.toFixed(2)).join(' ')} |`);

import assert from 'node:assert/strict';
import { test } from 'node:test';
import protoPackage, { type temporal } from '@temporalio/proto';
import { decodeEvent, durationWords, longValue, plain } from './history-decode';

const T = protoPackage.temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** A history event as the server sends it: fromObject turns plain numbers into the proto's Longs. */
const event = (fields: Record<string, unknown>): HistoryEvent => protoPackage.temporal.api.history.v1.HistoryEvent.fromObject(fields);
const json = (value: unknown) => ({ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify(value)) });
const at = { seconds: 1_700_000_000, nanos: 0 };

test('Longs become numbers (text past 2^53), never {low, high, unsigned}', () => {
  assert.equal(longValue({ low: 2, high: 0, unsigned: false }), 2);
  assert.equal(longValue({ low: -1, high: -1, unsigned: false }), -1);
  assert.equal(longValue({ low: 0, high: 0x7fffffff, unsigned: false }), '9223372032559808512');
  const row = decodeEvent(event({ eventId: 7, eventTime: at, eventType: T.EVENT_TYPE_ACTIVITY_TASK_STARTED, activityTaskStartedEventAttributes: { scheduledEventId: 5, attempt: 3 } }));
  assert.equal(row.id, 7);
  assert.equal(row.group, 'activity:5');
  assert.deepEqual(row.details, { scheduledEventId: 5, attempt: 3 });
  assert.ok(!JSON.stringify(row).includes('"low"'), JSON.stringify(row));
});

test('payloads are their JSON values; one payload is the value itself; times are ISO, durations words', () => {
  assert.deepEqual(plain({ payloads: [json({ amount: 2, ok: true })] }), { amount: 2, ok: true });
  assert.deepEqual(plain({ payloads: [json(1), json('two')] }), [1, 'two']);
  const started = decodeEvent(event({
    eventId: 1, eventTime: at, eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
    workflowExecutionStartedEventAttributes: { workflowType: { name: 'OrderWorkflow' }, input: { payloads: [json({ orderId: 'A-1', count: 2 })] } },
  }));
  assert.equal(started.time, '2023-11-14T22:13:20.000Z');
  assert.deepEqual([started.kind, started.action, started.name], ['workflow', 'started', 'OrderWorkflow']);
  assert.deepEqual(started.details, { orderId: 'A-1', count: 2 });
  assert.deepEqual(plain({ expirationTime: at, startToCloseTimeout: { seconds: 90 } }), { expirationTime: '2023-11-14T22:13:20.000Z', startToCloseTimeout: '1 minute 30 seconds' });
});

test('durations read as words', () => {
  assert.equal(durationWords(7 * 86_400), '7 days');
  assert.equal(durationWords(3600), '1 hour');
  assert.equal(durationWords(5400), '1 hour 30 minutes');
  assert.equal(durationWords(0.25), '250 ms');
});

test('each kind carries what the timeline groups and words it by', () => {
  const timer = decodeEvent(event({ eventId: 9, eventTime: at, eventType: T.EVENT_TYPE_TIMER_STARTED, timerStartedEventAttributes: { timerId: '1', startToFireTimeout: { seconds: 604_800 } } }));
  assert.deepEqual([timer.kind, timer.action, timer.duration, timer.group, timer.timerId], ['timer', 'started', '7 days', 'timer:9', '1']);
  const fired = decodeEvent(event({ eventId: 12, eventTime: at, eventType: T.EVENT_TYPE_TIMER_FIRED, timerFiredEventAttributes: { timerId: '1', startedEventId: 9 } }));
  assert.equal(fired.group, 'timer:9');
  const failed = decodeEvent(event({
    eventId: 14, eventTime: at, eventType: T.EVENT_TYPE_ACTIVITY_TASK_FAILED,
    activityTaskFailedEventAttributes: { scheduledEventId: 5, failure: { message: 'Activity task failed', cause: { message: 'SMTP refused the recipient' } } },
  }));
  assert.deepEqual([failed.action, failed.message, failed.group], ['failed', 'SMTP refused the recipient', 'activity:5']);
  const update = decodeEvent(event({
    eventId: 20, eventTime: at, eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
    workflowExecutionUpdateCompletedEventAttributes: { meta: { updateId: 'u-1' }, outcome: { failure: { message: 'Card declined: insufficient funds' } } },
  }));
  assert.deepEqual([update.kind, update.action, update.group, update.message], ['update', 'failed', 'update:u-1', 'Card declined: insufficient funds']);
  const signal = decodeEvent(event({ eventId: 21, eventTime: at, eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, workflowExecutionSignaledEventAttributes: { signalName: 'approve', input: { payloads: [json({ approved: true })] } } }));
  assert.deepEqual([signal.kind, signal.action, signal.name, signal.details], ['signal', 'received', 'approve', { approved: true }]);
  const step = decodeEvent(event({
    eventId: 22, eventTime: at, eventType: T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES,
    upsertWorkflowSearchAttributesEventAttributes: { searchAttributes: { indexedFields: { SignalboxStep: json('await-payment') } } },
  }));
  assert.deepEqual([step.internal, step.step], [true, 'await-payment']);
  const child = decodeEvent(event({ eventId: 23, eventTime: at, eventType: T.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED, startChildWorkflowExecutionInitiatedEventAttributes: { workflowId: 'kid-1', workflowType: { name: 'ShipWorkflow' } } }));
  assert.deepEqual([child.kind, child.name, child.childWorkflowId, child.group], ['child', 'ShipWorkflow', 'kid-1', 'child:23']);
});

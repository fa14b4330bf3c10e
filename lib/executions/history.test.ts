import assert from 'node:assert/strict';
import { test } from 'node:test';
import protoPackage, { type temporal } from '@temporalio/proto';
import { pendingWorkOf } from './history';

const T = protoPackage.temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** A history event as the server sends it (fromObject turns plain numbers into the proto's Longs). */
const event = (fields: Record<string, unknown>): HistoryEvent => protoPackage.temporal.api.history.v1.HistoryEvent.fromObject(fields);

const at = (seconds: number) => ({ seconds, nanos: 0 });

function accepted(eventId: number, updateId: string, name: string): HistoryEvent {
  return event({
    eventId,
    eventTime: at(1_700_000_000 + eventId),
    eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
    workflowExecutionUpdateAcceptedEventAttributes: { protocolInstanceId: updateId, acceptedRequest: { meta: { updateId }, input: { name } } },
  });
}

function completed(eventId: number, updateId: string): HistoryEvent {
  return event({
    eventId,
    eventTime: at(1_700_000_000 + eventId),
    eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
    workflowExecutionUpdateCompletedEventAttributes: { meta: { updateId }, acceptedEventId: 5 },
  });
}

test('an accepted update stays pending until its completed event; completed ones drop out', () => {
  const events = [accepted(5, 'u-1', 'addItem'), accepted(8, 'u-2', 'waitForApproval'), completed(9, 'u-1')];
  assert.deepEqual(pendingWorkOf(events).updates, [
    { updateId: 'u-2', name: 'waitForApproval', acceptedEventId: 8, acceptedAt: new Date((1_700_000_000 + 8) * 1000).toISOString() },
  ]);
  assert.deepEqual(pendingWorkOf([...events, completed(12, 'u-2')]).updates, []);
});

test('timers and updates are tracked side by side from one pass', () => {
  const work = pendingWorkOf([
    event({ eventId: 3, eventTime: at(100), eventType: T.EVENT_TYPE_TIMER_STARTED, timerStartedEventAttributes: { timerId: '1', startToFireTimeout: { seconds: 60 } } }),
    accepted(6, 'u-1', 'pay'),
    event({ eventId: 7, eventTime: at(130), eventType: T.EVENT_TYPE_TIMER_FIRED, timerFiredEventAttributes: { timerId: '1' } }),
  ]);
  assert.deepEqual(work.timers, []);
  assert.deepEqual(work.updates.map((u) => [u.updateId, u.name]), [['u-1', 'pay']]);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Design } from '@/codegen/design';
import type { HistoryEventRow } from '@/lib/executions/history-row';
import { groupEvents, groupWords, wordsInGroup } from './history-groups';
import { linkGroupsToNodes } from './history-nodes';
import { eventWords } from './history-words';

const time = '2026-01-01T00:00:00.000Z';
const row = (id: number, fields: Partial<HistoryEventRow> & Pick<HistoryEventRow, 'kind' | 'action' | 'type'>): HistoryEventRow => ({ id, time, ...fields });

const history: HistoryEventRow[] = [
  row(1, { type: 'WORKFLOW_EXECUTION_STARTED', kind: 'workflow', action: 'started', name: 'OrderWorkflow', step: 'start' }),
  row(2, { type: 'WORKFLOW_TASK_SCHEDULED', kind: 'workflow', internal: true, action: 'scheduled', group: 'task:2' }),
  row(3, { type: 'WORKFLOW_TASK_COMPLETED', kind: 'workflow', internal: true, action: 'completed', group: 'task:2' }),
  row(4, { type: 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES', kind: 'workflow', internal: true, action: 'step recorded', step: 'await-payment' }),
  row(5, { type: 'TIMER_STARTED', kind: 'timer', action: 'started', group: 'timer:5', timerId: '1', duration: '7 days', seconds: 604_800 }),
  row(6, { type: 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED', kind: 'update', action: 'accepted', group: 'update:u1', name: 'pay' }),
  row(7, { type: 'WORKFLOW_EXECUTION_UPDATE_COMPLETED', kind: 'update', action: 'failed', group: 'update:u1', message: 'Invalid card token: it must be 10 characters' }),
  row(8, { type: 'WORKFLOW_EXECUTION_SIGNALED', kind: 'signal', action: 'received', name: 'approve', details: { approved: true } }),
  row(9, { type: 'TIMER_FIRED', kind: 'timer', action: 'fired', group: 'timer:5', timerId: '1' }),
  row(10, { type: 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES', kind: 'workflow', internal: true, action: 'step recorded', step: 'notify-late' }),
  row(11, { type: 'ACTIVITY_TASK_SCHEDULED', kind: 'activity', action: 'scheduled', group: 'activity:11', name: 'notify', activityId: '1' }),
  row(12, { type: 'ACTIVITY_TASK_STARTED', kind: 'activity', action: 'started', group: 'activity:11', attempt: 3 }),
  row(13, { type: 'ACTIVITY_TASK_FAILED', kind: 'activity', action: 'failed', group: 'activity:11', message: 'SMTP refused the recipient' }),
  row(14, { type: 'START_CHILD_WORKFLOW_EXECUTION_INITIATED', kind: 'child', action: 'starting', group: 'child:14', name: 'ShipWorkflow', childWorkflowId: 'kid' }),
  row(15, { type: 'CHILD_WORKFLOW_EXECUTION_STARTED', kind: 'child', action: 'started', group: 'child:14' }),
  row(16, { type: 'CHILD_WORKFLOW_EXECUTION_COMPLETED', kind: 'child', action: 'completed', group: 'child:14' }),
  row(17, { type: 'WORKFLOW_EXECUTION_FAILED', kind: 'workflow', action: 'failed', message: 'Not paid' }),
];

const at = { x: 0, y: 0 };
const design = {
  nodes: [
    { id: 'start', type: 'start', label: 'Start', position: at },
    { id: 'await-payment', type: 'wait', label: 'Await payment', condition: 'paid', timeout: { amount: 7, unit: 'days' }, position: at },
    { id: 'other-wait', type: 'wait', label: 'Other wait', condition: 'x', timeout: { amount: 7, unit: 'days' }, position: at },
    { id: 'notify-ok', type: 'activity', label: 'Notify paid', activity: 'notify', args: {}, position: at },
    { id: 'notify-late', type: 'activity', label: 'Notify late', activity: 'notify', args: {}, position: at },
    { id: 'ship', type: 'childWorkflow', label: 'Ship', design: 'ShipWorkflow', workflowId: '"kid"', input: [], waitForResult: true, position: at },
    { id: 'pay-node', type: 'update', label: 'Pay', name: 'pay', parameters: [], assignments: [], position: at },
    { id: 'approve-node', type: 'signal', label: 'Approve', name: 'approve', parameters: [], assignments: [], position: at },
  ],
} as unknown as Pick<Design, 'nodes'>;

test('events read as words, naming the group they belong to', () => {
  const groups = groupEvents(history);
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const words = history.map((r) => wordsInGroup(r, byKey.get(r.group ?? `event:${r.id}`), (id) => (id === 'await-payment' ? 'Await payment' : undefined)));
  assert.deepEqual(words, [
    'Workflow started',
    'Workflow task scheduled',
    'Workflow task completed',
    'Step Await payment entered',
    'Timer 7 days started',
    'Update pay accepted',
    'Update pay failed: Invalid card token: it must be 10 characters',
    'Signal approve received',
    'Timer 7 days fired',
    'Step notify-late entered',
    'Activity notify scheduled',
    'Activity notify started, attempt 3',
    'Activity notify failed, attempt 3: SMTP refused the recipient',
    'Child workflow ShipWorkflow starting',
    'Child workflow ShipWorkflow started',
    'Child workflow ShipWorkflow completed',
    'Workflow failed: Not paid',
  ]);
  assert.equal(eventWords(row(1, { type: 'WORKFLOW_EXECUTION_UPDATE_REJECTED', kind: 'update', action: 'rejected', name: 'pay', message: 'Amount must equal the total 12.50' })), 'Update pay rejected: Amount must equal the total 12.50');
});

test('an activity, an update, a timer and a child are one row each, in the order they began', () => {
  const groups = groupEvents(history);
  assert.deepEqual(groups.map((g) => [g.key, g.events.map((e) => e.id)]), [
    ['event:1', [1]], ['task:2', [2, 3]], ['event:4', [4]], ['timer:5', [5, 9]], ['update:u1', [6, 7]], ['event:8', [8]],
    ['event:10', [10]], ['activity:11', [11, 12, 13]], ['child:14', [14, 15, 16]], ['event:17', [17]],
  ]);
  assert.deepEqual(groups.filter((g) => !g.internal).map((g) => groupWords(g)), [
    'Workflow started', 'Timer 7 days fired', 'Update pay failed: Invalid card token: it must be 10 characters', 'Signal approve received',
    'Activity notify failed, attempt 3: SMTP refused the recipient', 'Child workflow ShipWorkflow completed', 'Workflow failed: Not paid',
  ]);
});

test('each group links to its node: messages by name, steps by the step the workflow recorded', () => {
  const links = linkGroupsToNodes(groupEvents(history), design);
  assert.deepEqual(Object.fromEntries(links), {
    'event:1': 'start',
    'event:4': 'await-payment',
    'timer:5': 'await-payment', // two waits of 7 days: the one entered
    'update:u1': 'pay-node',
    'event:8': 'approve-node',
    'event:10': 'notify-late',
    'activity:11': 'notify-late', // two notify steps: the one entered
    'child:14': 'ship',
  });
  assert.equal(linkGroupsToNodes(groupEvents(history), undefined).size, 0, 'no design: no links, no failure');
});

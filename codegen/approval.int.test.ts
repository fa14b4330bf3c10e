import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { approvalDesign } from './testing/designs';
import { startTestWorker, type TestWorker } from './testing/worker';

/**
 * The generated approval workflow (the chapter's first example) on a real Temporal server:
 * a signal completes it, silence takes the timeout branch, a rejected update leaves no trace.
 */
let env: TestWorker;

before(async () => {
  const design = approvalDesign();
  const wait = design.nodes.find((n) => n.id === 'await-approval');
  if (wait?.type !== 'wait') throw new Error('fixture changed: no wait node');
  wait.timeout = { amount: 3, unit: 'seconds' };
  env = await startTestWorker(design);
});

after(() => env?.stop());

async function startApproval(requestId: string) {
  return env.client.workflow.start('ApprovalWorkflow', { taskQueue: env.taskQueue, workflowId: `${requestId}-${nanoid(6)}`, args: [{ requestId }] });
}

test('approve signal completes the run with the approved message', async () => {
  const handle = await startApproval('req-1');
  assert.equal(await handle.query('status'), 'pending');
  await handle.signal('approve', { approverName: 'Ada', approved: true, comment: 'fine' });
  assert.equal(await handle.result(), 'Request approved by Ada');
  assert.equal(await handle.query('status'), 'approved', 'queries answer on a completed execution');
  const state = await handle.query<{ currentStep: string; path: string[] }>('__signalbox_state');
  assert.equal(state.currentStep, 'end-approved');
  assert.deepEqual(state.path, ['start', 'await-approval', 'is-approved', 'end-approved']);
});

test('a rejection carries the approver and comment', async () => {
  const handle = await startApproval('req-2');
  await handle.signal('approve', { approverName: 'Bob', approved: false, comment: 'too expensive' });
  assert.equal(await handle.result(), 'Request rejected by Bob: too expensive');
});

test('without a decision the timeout branch is taken', async () => {
  const handle = await startApproval('req-3');
  const started = Date.now();
  assert.equal(await handle.result(), 'Request req-3 timed out without a decision');
  assert.ok(Date.now() - started >= 2500, 'waited for the 3-second timeout');
});

test("an update rejected by its validator returns the rule's message and leaves no history", async () => {
  const handle = await startApproval('req-4');
  await assert.rejects(
    handle.executeUpdate('addComment', { args: [{ text: '   ' }] }),
    (error: unknown) => error instanceof WorkflowUpdateFailedError && /The comment must not be blank/.test(String(error.cause?.message)),
  );
  const history = await handle.fetchHistory();
  const updateEvents = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes || e.workflowExecutionUpdateCompletedEventAttributes);
  assert.equal(updateEvents.length, 0);

  assert.equal(await handle.executeUpdate('addComment', { args: [{ text: 'looks good' }] }), 'Comment saved');
  await handle.signal('approve', { approverName: 'Ada', approved: false, comment: 'changed my mind' });
  assert.equal(await handle.result(), 'Request rejected by Ada: changed my mind');
});

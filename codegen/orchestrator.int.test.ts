import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nanoid } from 'nanoid';
import { goldenDesign } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

/**
 * The orchestrator and workers of chapter 6.4.3 on a real Temporal server: child workflows started
 * and awaited, signals to external workflows in both directions, and the events each leaves.
 */
let env: TestWorker;

before(async () => {
  env = await startTestWorker([goldenDesign('orchestrator'), goldenDesign('task-worker')]);
});

after(() => env?.stop());

test('the orchestrator starts two workers, signals each a task, collects their reports and awaits an audit child', async () => {
  const workflowId = `orch-${nanoid(6)}`;
  const handle = await env.client.workflow.start('OrchestratorWorkflow', { taskQueue: env.taskQueue, workflowId, args: [{ workers: 2 }] });
  assert.equal(await handle.result(), 'Coordinated 2 workers, 3 reports; audit: Processed 1 task(s)');
  const reports = await handle.query<string[]>('reports');
  assert.deepEqual([...reports].sort(), [`${workflowId}-audit`, `${workflowId}-worker-1`, `${workflowId}-worker-2`]);

  const worker = env.client.workflow.getHandle(`${workflowId}-worker-2`);
  assert.equal(await worker.result(), 'Processed 1 task(s)', 'a worker that was only started still finishes on its own');
  assert.deepEqual(await worker.query('tasks'), ['task-2']);
  const workerEvents = (await worker.fetchHistory()).events ?? [];
  assert.ok(workerEvents.some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'processTask'), 'WorkflowExecutionSignaled in the receiver');
  assert.ok(workerEvents.some((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes?.signalName === 'workerDone'), 'SignalExternalWorkflowExecutionInitiated in the sender');
  const parentEvents = (await handle.fetchHistory()).events ?? [];
  assert.equal(parentEvents.filter((e) => e.startChildWorkflowExecutionInitiatedEventAttributes).length, 3);
});

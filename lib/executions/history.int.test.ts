/**
 * Pending work derived from a real history (TEMPORAL_ADDRESS): an update-with-wait whose condition
 * is not met yet is listed as pending on the execution page, and drops out once it completes —
 * read incrementally from the cached scan.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WorkflowUpdateStage } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { goldenDesign, shorten } from '@/codegen/testing/fixtures';
import { startTestWorker, type TestWorker } from '@/codegen/testing/worker';
import { pendingWork } from './history';
import { closeTemporalClient } from '../temporal-client';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let env: TestWorker | undefined;

before(async () => {
  if (!skip) env = await startTestWorker(shorten(goldenDesign('progress'), 'work', { amount: 1, unit: 'seconds' }));
});

after(async () => {
  await env?.stop();
  await closeTemporalClient();
});

test('an accepted update waiting for its condition is pending until it completes', { skip, timeout: 60_000 }, async () => {
  const handle = await env!.client.workflow.start('BatchJobWorkflow', { taskQueue: env!.taskQueue, workflowId: `pending-${nanoid(6)}`, args: [{ steps: 2 }] });
  const update = await handle.startUpdate('waitForProgress', { args: [{ percent: 100 }], waitForStage: WorkflowUpdateStage.ACCEPTED });
  const run = async () => {
    const { runId, historyLength } = await handle.describe();
    return pendingWork({ workflowId: handle.workflowId, runId, historyLength });
  };

  const waiting = await run();
  assert.deepEqual(waiting.updates.map((u) => [u.name, u.updateId]), [['waitForProgress', update.updateId]]);
  assert.ok(waiting.updates[0]!.acceptedEventId > 0 && Date.parse(waiting.updates[0]!.acceptedAt) > 0);

  assert.equal(await update.result(), 100);
  const done = await run();
  assert.deepEqual(done.updates, [], 'the completed update is no longer pending');
  await handle.result();
});

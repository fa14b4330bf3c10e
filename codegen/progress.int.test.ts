import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WorkflowUpdateFailedError, WorkflowUpdateStage } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { goldenDesign, shorten } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

/**
 * Chapter 6.4.2 on a real Temporal server: an update that waits for a milestone replaces query
 * polling; startUpdate returns once the update is ACCEPTED and its result arrives later.
 */
let env: TestWorker;

before(async () => {
  env = await startTestWorker(shorten(goldenDesign('progress'), 'work', { amount: 1, unit: 'seconds' }));
});

after(() => env?.stop());

test('startUpdate is accepted at once; its result arrives when the job reaches the milestone', async () => {
  const handle = await env.client.workflow.start('BatchJobWorkflow', { taskQueue: env.taskQueue, workflowId: `job-${nanoid(6)}`, args: [{ steps: 4 }] });
  const started = Date.now();
  const half = await handle.startUpdate('waitForProgress', { args: [{ percent: 50 }], waitForStage: WorkflowUpdateStage.ACCEPTED });
  assert.ok(Date.now() - started < 1500, 'accepted without waiting for the milestone');
  assert.ok((await handle.query<number>('progress')) < 50, 'the milestone is not reached yet');

  const percent = Number(await half.result());
  assert.ok(percent >= 50 && percent < 100, `returned ${percent}`);
  assert.ok(Date.now() - started >= 1500, 'returned only after two one-second steps');

  assert.ok((await handle.query<number>('remainingSteps')) <= 2, 'at most two of four steps remain');
  assert.equal(await handle.executeUpdate('waitForProgress', { args: [{ percent: 100 }] }), 100);
  assert.equal(await handle.query('remainingSteps'), 0);
  assert.equal(await handle.result(), 'Finished 4 steps');
});

test('the validator refuses an impossible milestone', async () => {
  const handle = await env.client.workflow.start('BatchJobWorkflow', { taskQueue: env.taskQueue, workflowId: `job-${nanoid(6)}`, args: [{ steps: 1 }] });
  await assert.rejects(
    handle.executeUpdate('waitForProgress', { args: [{ percent: 150 }] }),
    (error: unknown) => error instanceof WorkflowUpdateFailedError && /between 1 and 100/.test(String(error.cause?.message)),
  );
  assert.equal(await handle.result(), 'Finished 1 steps');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nanoid } from 'nanoid';
import { eventually, until } from '@/testing/eventually';
import { goldenDesign } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

/**
 * Dedupe by update id across continue-as-new on a real Temporal server: the server only drops a
 * repeated update id within one run; the generated workflow carries the applied ids to the next.
 */
let env: TestWorker;

before(async () => {
  env = await startTestWorker(goldenDesign('update-dedupe'));
});

after(() => env?.stop());

test('a retried update id after continue-as-new returns the score without adding again', async () => {
  const handle = await env.client.workflow.start('ScoreboardWorkflow', { taskQueue: env.taskQueue, workflowId: `score-${nanoid(6)}`, args: [{ updatesPerRun: 2 }] });
  const firstRunId = handle.firstExecutionRunId;
  const add = (updateId: string, points: number) => handle.executeUpdate('addPoints', { args: [{ points }], updateId });

  assert.equal(await add('u-1', 10), 10);
  assert.equal(await add('u-1', 10), 10, 'within a run, the server itself dedupes');
  assert.equal(await add('u-2', 5), 15);
  await eventually('the run to continue as new after two updates', until(async () => (await handle.describe()).runId !== firstRunId), { timeoutMs: 10_000, intervalMs: 100 });

  assert.equal(await add('u-1', 10), 15, 'the retried update reaches the new run and is not applied twice');
  assert.equal(await add('u-3', 1), 16);
  await handle.signal('finish');
  assert.equal(await handle.result(), 'Score 16');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { eventually, until } from '@/testing/eventually';
import type { Design } from './schema/design';
import { startTestWorker, type TestWorker } from './testing/worker';

/** A flow with a loop and a join runs as a state machine: rounds repeat until approval or the limit. */
const design = JSON.parse(readFileSync(join(import.meta.dirname, '__golden__', 'review-loop', 'design.json'), 'utf8')) as Design;
let env: TestWorker;

before(async () => {
  env = await startTestWorker(design);
});
after(() => env?.stop());

const start = () =>
  env.client.workflow.start('ReviewLoopWorkflow', { taskQueue: env.taskQueue, workflowId: `review-${nanoid(6)}`, args: [{ documentId: 'doc-7' }] });

async function waitForRounds(handle: Awaited<ReturnType<typeof start>>, rounds: number): Promise<void> {
  await eventually(`round ${rounds} to be counted`, until(async () => (await handle.query<number>('rounds')) === rounds), { timeoutMs: 10_000, intervalMs: 100 });
}

test('two rejections loop back to the review, the third verdict approves', async () => {
  const handle = await start();
  await handle.signal('review', { approved: false, feedback: 'typos' });
  await waitForRounds(handle, 1);
  await handle.signal('review', { approved: false, feedback: 'better' });
  await waitForRounds(handle, 2);
  await handle.signal('review', { approved: true, feedback: '' });
  assert.equal(await handle.result(), 'Approved after 2 revision(s)');
  const state = await handle.query<{ path: string[] }>('__signalbox_state');
  assert.deepEqual(state.path.filter((s) => s === 'await-review').length, 3);
});

test('the third rejection ends the loop with a failure carrying the message', async () => {
  const handle = await start();
  for (let round = 1; round <= 3; round++) {
    await handle.signal('review', { approved: false, feedback: `round ${round}` });
    await waitForRounds(handle, round);
  }
  await assert.rejects(handle.result(), (e: unknown) => e instanceof WorkflowFailedError && e.cause?.message === 'No approval after 3 rounds');
});

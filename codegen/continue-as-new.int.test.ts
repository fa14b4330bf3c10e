import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nanoid } from 'nanoid';
import { eventually, until } from '@/testing/eventually';
import { goldenDesign } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

/**
 * Continue-as-new with handlers (6.4.6) on a real Temporal server: the run continues as new when
 * its history passes a limit, after its handlers finished, carrying the chosen state; signals and
 * queries keep reaching the workflow id across runs and nothing sent meanwhile is lost.
 */
let env: TestWorker;

before(async () => {
  env = await startTestWorker(goldenDesign('continue-as-new'));
});

after(() => env?.stop());

test('continues as new when the history is long, carrying the total; the sum over all runs is exact', async () => {
  const handle = await env.client.workflow.start('AccumulatorWorkflow', {
    taskQueue: env.taskQueue,
    workflowId: `acc-${nanoid(6)}`,
    args: [{ historyLimit: 15 }],
  });
  const firstRunId = handle.firstExecutionRunId;
  for (let batch = 1; batch <= 4; batch++) {
    await handle.signal('add', { value: batch * 10 });
    await handle.signal('add', { value: batch });
    await eventually(`batch ${batch} to be added up`, until(async () => (await handle.query<number>('batches')) === batch), { timeoutMs: 10_000, intervalMs: 100 });
  }
  // Sent back to back with "finish": they land in whichever run is current, and are carried if a run ends meanwhile.
  await handle.signal('add', { value: 1000 });
  await handle.signal('finish');
  assert.equal(await handle.result(), 'Total 1110 in 5 batches');

  const latest = await handle.describe();
  assert.notEqual(latest.runId, firstRunId, 'the workflow continued as new at least once');
  const firstRun = env.client.workflow.getHandle(handle.workflowId, firstRunId);
  const events = (await firstRun.fetchHistory()).events ?? [];
  assert.ok(events.some((e) => e.workflowExecutionContinuedAsNewEventAttributes), 'the first run ended by continuing as new');
  assert.ok(events.length < 40, `the first run's history stayed short (${events.length} events)`);
});

/**
 * Pending work derived from a real history (TEMPORAL_ADDRESS): an update-with-wait whose condition
 * is not met yet is listed as pending on the execution page, and drops out once it completes —
 * read incrementally from the cached scan. And the same history through the history route as the
 * timeline reads it: decoded values, groups, words.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WorkflowUpdateStage } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { goldenDesign, shorten } from '@/codegen/testing/fixtures';
import { startTestWorker, type TestWorker } from '@/codegen/testing/worker';
import * as historyRoute from '@/app/api/executions/[workflowId]/history/route';
import { groupEvents, groupWords } from '@/components/execution/history-groups';
import { closeDb } from '@/db/client';
import { call } from '@/testing/api';
import { pendingWork } from './history';
import type { HistoryEventRow } from './history-row';
import { closeTemporalClient } from '../temporal-client';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let env: TestWorker | undefined;

before(async () => {
  if (!skip) env = await startTestWorker(shorten(goldenDesign('progress'), 'work', { amount: 1, unit: 'seconds' }));
});

after(async () => {
  await env?.stop();
  await closeTemporalClient();
  // The route's session check opened the database.
  await closeDb();
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

test('the history route sends the events decoded, grouped by update and timer, readable as words', { skip, timeout: 90_000 }, async () => {
  const handle = await env!.client.workflow.start('BatchJobWorkflow', { taskQueue: env!.taskQueue, workflowId: `history-${nanoid(6)}`, args: [{ steps: 2 }] });
  const update = await handle.startUpdate('waitForProgress', { args: [{ percent: 50 }], waitForStage: WorkflowUpdateStage.ACCEPTED });
  assert.equal(await update.result(), 50);
  await handle.result();

  // Small pages (the server cuts them at event batches near the size asked), followed to the end as the timeline does.
  const rows: HistoryEventRow[] = [];
  let token: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/executions/${handle.workflowId}/history?pageSize=3${token ? `&pageToken=${token}` : ''}`;
    const page = await call(historyRoute.GET, { url, params: { workflowId: handle.workflowId } });
    assert.equal(page.status, 200, JSON.stringify(page.body));
    pages += 1;
    rows.push(...page.body.events);
    token = page.body.nextPageToken;
  } while (token);
  assert.ok(pages > 1, `one page of ${rows.length} events`);
  assert.deepEqual(rows.map((r) => r.id), rows.map((_r, i) => i + 1));
  assert.ok(!JSON.stringify(rows).includes('"low"'), 'no Long objects reach the browser');

  const started = rows[0]!;
  assert.deepEqual([started.kind, started.action, started.name, started.details], ['workflow', 'started', 'BatchJobWorkflow', { steps: 2 }]);
  const updates = rows.filter((r) => r.kind === 'update');
  assert.deepEqual(updates.map((r) => [r.action, r.group]), [['accepted', `update:${update.updateId}`], ['completed', `update:${update.updateId}`]]);
  assert.equal(updates[1]!.details, 50, 'the update result is the number 50');
  const timers = rows.filter((r) => r.type === 'TIMER_STARTED');
  assert.ok(timers.length >= 1 && timers.every((t) => t.duration === '1 second'), JSON.stringify(timers));

  const words = groupEvents(rows).filter((g) => !g.internal).map((g) => groupWords(g));
  assert.equal(words[0], 'Workflow started');
  assert.ok(words.includes('Update waitForProgress completed'), words.join(' | '));
  assert.ok(words.includes('Timer 1 second fired'), words.join(' | '));
  assert.equal(words.at(-1), 'Workflow completed');
});

/**
 * The executions list's step filter against a real Temporal server (TEMPORAL_ADDRESS, started with
 * the Signalbox search attributes): an order started the way the app starts executions is found at
 * its first wait, and once paid, at the second wait and no longer at the first — the generated
 * workflow keeps SignalboxStep current. An order started without the attribute (an exported
 * project's client, a namespace without it) runs to the end and records nothing.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { nanoid } from 'nanoid';
import { writeBuild } from '@/codegen/testing/build';
import { goldenDesign, shorten } from '@/codegen/testing/fixtures';
import { startTestWorker, type TestWorker } from '@/codegen/testing/worker';
import { closeDb } from '@/db/client';
import { eventually, until } from '@/testing/eventually';
import { listExecutionPage } from './list';
import { startSearchAttributes } from './service';
import { closeTemporalClient } from '../temporal-client';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
const design = shorten(goldenDesign('order'), 'delivery', { amount: 1, unit: 'seconds' });
// The list covers Signalbox's own task queues only.
const deployment = { id: `dep-${nanoid(8)}`, designId: `design-${nanoid(8)}`, version: 1 };
let env: TestWorker | undefined;

before(async () => {
  if (skip) return;
  // The list names designs from the database: a throwaway one unless the suite provides one.
  if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  else {
    delete process.env.DATABASE_URL;
    process.env.SIGNALBOX_PGLITE_DIR = 'memory://';
  }
  env = await startTestWorker(design, { taskQueue: `signalbox-${deployment.id}` });
});

after(async () => {
  await env?.stop();
  await closeTemporalClient();
  await closeDb();
});

/** Workflow ids listed at `step` (visibility only, no live query), among this test's deployment. */
async function listedAt(step: string): Promise<string[]> {
  const page = await listExecutionPage({ filters: { deploymentId: deployment.id, step }, liveSteps: false });
  return page.executions.map((row) => row.workflowId);
}

/** Visibility is eventually consistent: the list is asked again until it shows the change, for a few seconds. */
const visibility = { timeoutMs: 10_000, intervalMs: 200 };

async function addItemAndPay(handle: WorkflowHandle): Promise<void> {
  await handle.executeUpdate('addItem', { args: [{ sku: 'mouse', name: 'Mouse', quantity: 1, price: '29.99' }] });
  await handle.executeUpdate('pay', { args: [{ method: 'card', amount: '29.99', cardToken: 'tok-1234567890' }] });
}

test('the step filter follows an order from its first wait to its second', { skip, timeout: 60_000 }, async () => {
  const handle = await env!.client.workflow.start('OrderWorkflow', {
    taskQueue: env!.taskQueue,
    workflowId: `step-${nanoid(6)}`,
    args: [{ orderId: 'o-1', customerId: 'c-1' }],
    typedSearchAttributes: startSearchAttributes(deployment, design),
  });
  await eventually('it to be listed at await-payment', until(async () => (await listedAt('await-payment')).includes(handle.workflowId)), visibility);
  assert.deepEqual(await listedAt('await-shipping'), []);

  await addItemAndPay(handle);
  await eventually('it to be listed at await-shipping', until(async () => (await listedAt('await-shipping')).includes(handle.workflowId)), visibility);
  assert.ok(!(await listedAt('await-payment')).includes(handle.workflowId), 'no longer listed at the first wait');

  await handle.signal('markShipped', { carrier: 'DHL', trackingNumber: 'JD0001' });
  await handle.result();
  const history = await handle.fetchHistory();
  const upserts = history.events?.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes) ?? [];
  // The start recorded await-payment already; the short delivery timer records nothing.
  assert.equal(upserts.length, 1, 'one upsert: entering await-shipping');

  // Recording is deterministic: the history replays against the same code from scratch (a new worker, no cache).
  const build = await writeBuild(design);
  try {
    await Worker.runReplayHistory({ workflowsPath: build.workflowsPath }, history, handle.workflowId);
  } finally {
    build.remove();
  }
});

test('an order started without SignalboxStep runs to the end and upserts nothing', { skip, timeout: 60_000 }, async () => {
  const handle = await env!.client.workflow.start('OrderWorkflow', {
    taskQueue: env!.taskQueue,
    workflowId: `no-step-${nanoid(6)}`,
    args: [{ orderId: 'o-2', customerId: 'c-1' }],
  });
  await addItemAndPay(handle);
  await handle.signal('markShipped', { carrier: 'DHL', trackingNumber: 'JD0002' });
  assert.match(await handle.result(), /delivered: 1 items/);
  const upserts = (await handle.fetchHistory()).events?.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes) ?? [];
  assert.equal(upserts.length, 0);
});

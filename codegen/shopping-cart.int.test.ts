import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { goldenDesign } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

/**
 * Signal-with-start (6.1.4) and update-with-start (6.3.5) against the generated shopping cart on a
 * real Temporal server: the first call starts the cart, the next calls reach the same execution.
 */
let env: TestWorker;

before(async () => {
  env = await startTestWorker(goldenDesign('shopping-cart'));
});

after(() => env?.stop());

test('signal-with-start: the first signal starts the cart, the second reaches the same run', async () => {
  const workflowId = `cart-${nanoid(6)}`;
  const options = { workflowId, taskQueue: env.taskQueue, args: [] as [], signal: 'addItem' };
  const first = await env.client.workflow.signalWithStart('ShoppingCartWorkflow', { ...options, signalArgs: [{ sku: 'book' }] });
  const second = await env.client.workflow.signalWithStart('ShoppingCartWorkflow', { ...options, signalArgs: [{ sku: 'pen' }] });
  assert.equal(second.signaledRunId, first.signaledRunId);
  assert.deepEqual(await first.query('items'), ['book', 'pen']);
  await first.signal('checkout');
  assert.equal(await first.result(), 'Ordered 2 item(s)');
  assert.deepEqual(await first.query('items'), ['book', 'pen'], 'queries answer on a completed execution');
});

test('update-with-start: each call returns the item count; all reach one execution', async () => {
  const workflowId = `cart-${nanoid(6)}`;
  const add = async (sku: string) => {
    const startWorkflowOperation = new WithStartWorkflowOperation('ShoppingCartWorkflow', {
      workflowId,
      taskQueue: env.taskQueue,
      args: [],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    const count = await env.client.workflow.executeUpdateWithStart('addToCart', { args: [{ sku }], startWorkflowOperation });
    return { count, handle: await startWorkflowOperation.workflowHandle() };
  };
  const a = await add('book');
  const b = await add('lamp');
  assert.deepEqual([a.count, b.count], [1, 2]);
  assert.equal((await a.handle.describe()).runId, (await b.handle.describe()).runId);
  await b.handle.signal('checkout');
  assert.equal(await b.handle.result(), 'Ordered 2 item(s)');
});

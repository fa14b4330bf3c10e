import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { nanoid } from 'nanoid';
import { goldenDesign } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

/**
 * Record expressions on a real Temporal server (issue 16): the update answers the chapter's
 * {'items': 2, 'total': '1359.97'} (6.6 "Item added"), the cart query a record with a list of
 * records and a summed total, the dashboard (6.2.6) an average and an ETA from the workflow clock,
 * the validator names the item (6.3.4) and the result is "Order order-12345 completed - $1359.97 charged".
 */
let env: TestWorker;

before(async () => {
  env = await startTestWorker(goldenDesign('record-queries'));
});

after(() => env?.stop());

test('records answer queries and updates; f-string messages and results read as the chapter prints them', async () => {
  const handle = await env.client.workflow.start('CartDashboardWorkflow', {
    taskQueue: env.taskQueue,
    workflowId: `cart-${nanoid(6)}`,
    args: [{ orderId: 'order-12345' }],
  });
  const before = Date.now();
  assert.deepEqual(await handle.executeUpdate('addItem', { args: [{ sku: 'LAPTOP-001', price: '1299.99', quantity: 1 }] }), { items: 1, total: '1299.99' });
  assert.deepEqual(await handle.executeUpdate('addItem', { args: [{ sku: 'MOUSE-042', price: '29.99', quantity: 2 }] }), { items: 2, total: '1359.97' });

  const rejected = await handle.executeUpdate('addItem', { args: [{ sku: 'MOUSE-042', price: '1', quantity: 1 }] }).catch((e: unknown) => e);
  assert.ok(rejected instanceof WorkflowUpdateFailedError, String(rejected));
  assert.ok(rejected.cause instanceof ApplicationFailure);
  assert.equal(rejected.cause.message, 'Item MOUSE-042 already in cart');
  assert.equal(rejected.cause.type, 'ValidationError');

  assert.deepEqual(await handle.query('getCart'), {
    items: [
      { sku: 'LAPTOP-001', line_total: '1299.99' },
      { sku: 'MOUSE-042', line_total: '59.98' },
    ],
    total: '1359.97',
    bulky: 0,
  });
  const dashboard = (await handle.query('getDashboardData')) as Record<string, unknown>;
  assert.deepEqual(Object.keys(dashboard).sort(), ['all_single', 'average_processing_time', 'estimated_completion', 'total_processed']);
  assert.equal(dashboard.total_processed, 2);
  assert.equal(dashboard.all_single, false);
  assert.equal(typeof dashboard.average_processing_time, 'number');
  assert.ok((dashboard.average_processing_time as number) >= 0);
  const eta = Date.parse(String(dashboard.estimated_completion));
  assert.ok(Number.isFinite(eta) && eta >= before - 60_000, `an ISO instant: ${String(dashboard.estimated_completion)}`);

  await handle.signal('checkout');
  assert.equal(await handle.result(), 'Order order-12345 completed - $1359.97 charged');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { goldenDesign, shorten } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

/**
 * The e-commerce order of chapter 6.6 on a real Temporal server: exact money (1299.99 + 2 × 29.99
 * is 1359.97), validated updates, a payment that must equal the total, a guarded shipping signal,
 * the delivery timer, and queries on the completed execution.
 */
let env: TestWorker;

before(async () => {
  const design = goldenDesign('order');
  shorten(design, 'await-payment', { amount: 20, unit: 'seconds' });
  shorten(design, 'delivery', { amount: 1, unit: 'seconds' });
  env = await startTestWorker(design);
});

after(() => env?.stop());

function startOrder(orderId: string) {
  return env.client.workflow.start('OrderWorkflow', {
    taskQueue: env.taskQueue,
    workflowId: `${orderId}-${nanoid(6)}`,
    args: [{ orderId, customerId: 'c-1' }],
  });
}

function rejectedWith(message: string) {
  return (error: unknown) => error instanceof WorkflowUpdateFailedError && String(error.cause?.message).includes(message);
}

test('items add up exactly, the payment must match to the cent, shipping and delivery complete the order', async () => {
  const handle = await startOrder('o-1');
  assert.equal(await handle.executeUpdate('addItem', { args: [{ sku: 'laptop', name: 'Laptop', quantity: 1, price: '1299.99' }] }), '1299.99');
  assert.equal(await handle.executeUpdate('addItem', { args: [{ sku: 'mouse', name: 'Mouse', quantity: 2, price: '29.99' }] }), '1359.97');
  assert.equal(await handle.query('getTotal'), '1359.97', 'never 1359.9699999999998');
  assert.equal(await handle.query('itemCount'), 2);

  await assert.rejects(handle.executeUpdate('addItem', { args: [{ sku: 'x', name: 'X', quantity: 0, price: '1.00' }] }), rejectedWith('Quantity must be positive'));
  await assert.rejects(handle.executeUpdate('pay', { args: [{ method: 'card', amount: '1359.96', cardToken: 'tok-1234567890' }] }), rejectedWith('The payment must equal the order total'));
  await assert.rejects(handle.executeUpdate('pay', { args: [{ method: 'card', amount: '1359.97', cardToken: 'short' }] }), rejectedWith('Invalid card token'));

  await handle.signal('markShipped', { carrier: 'DHL', trackingNumber: 'too-early' });
  assert.equal(await handle.query('shippingStatus'), 'not shipped', 'a shipping signal before payment is ignored');

  // "1359.970" is the same amount: money compares exactly, not as text.
  assert.equal(await handle.executeUpdate('pay', { args: [{ method: 'card', amount: '1359.970', cardToken: 'tok-1234567890' }] }), `txn-o-1`);
  await assert.rejects(handle.executeUpdate('addItem', { args: [{ sku: 'late', name: 'Late', quantity: 1, price: '5' }] }), rejectedWith('only be added while the order is pending'));
  await handle.signal('markShipped', { carrier: 'DHL', trackingNumber: 'JD0001' });

  assert.equal(await handle.result(), 'Order o-1 delivered: 2 items, total 1359.97, paid with txn-o-1');
  assert.equal(await handle.query('getStatus'), 'delivered', 'queries answer on a completed execution');
  assert.equal(await handle.query('shippingStatus'), 'shipped via DHL (JD0001)');

  const history = await handle.fetchHistory();
  const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
  assert.equal(accepted.length, 3, 'only the two addItem and one pay updates that passed their validators are in history');
});

test('a pending order can be cancelled; an invalid amount is refused with a clear message', async () => {
  const handle = await startOrder('o-2');
  await assert.rejects(
    handle.executeUpdate('addItem', { args: [{ sku: 'x', name: 'X', quantity: 1, price: '12,50' }] }),
    // Refused by the payload check, before the validator and before any money helper sees it.
    (error: unknown) =>
      error instanceof WorkflowUpdateFailedError &&
      error.cause instanceof ApplicationFailure &&
      error.cause.type === 'InvalidPayload' &&
      /Field "price" of the arguments of update "addItem" must be an amount of money .*got string "12,50"/.test(error.cause.message),
  );
  await handle.signal('cancelOrder');
  assert.equal(await handle.result(), 'Order o-2 cancelled');
});

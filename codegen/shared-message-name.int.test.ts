/**
 * One wire name for a signal and an update, and a record result, from outside: the generated carts
 * (goldens shared-message-name and record-result) on a real Temporal server, driven by the official
 * `temporal` CLI — `workflow signal --name add_item` reaches the signal (6.1.4), `workflow update
 * execute --name add_item` the update that answers with the total (6.3.5); the record cart's result
 * is a JSON record, and its status query leaves out what is not there yet.
 * Needs TEMPORAL_ADDRESS and TEMPORAL_CLI (. /work/devsvc/env).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { nanoid } from 'nanoid';
import { goldenDesign, shorten } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

const skip = !process.env.TEMPORAL_ADDRESS ? 'TEMPORAL_ADDRESS is not set' : !process.env.TEMPORAL_CLI ? 'TEMPORAL_CLI is not set' : false;
const exec = promisify(execFile);

/** The CLI's output; a failing command resolves too, with its exit code, so a test reads what a user would see. */
async function temporal(...args: string[]): Promise<{ code: number; out: string }> {
  const argv = [...args, '--address', process.env.TEMPORAL_ADDRESS!, '--namespace', process.env.TEMPORAL_NAMESPACE ?? 'default'];
  try {
    const { stdout, stderr } = await exec(process.env.TEMPORAL_CLI!, argv, { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const CHECKOUT_AFTER = { amount: 4, unit: 'seconds' } as const;
let env: TestWorker | undefined;
before(async () => {
  if (skip) return;
  env = await startTestWorker([
    shorten(goldenDesign('shared-message-name'), 'open-for-a-day', CHECKOUT_AFTER),
    shorten(goldenDesign('record-result'), 'open-for-a-day', CHECKOUT_AFTER),
  ]);
});
after(() => env?.stop());

async function start(type: string): Promise<string> {
  const workflowId = `cart-${nanoid(6)}`;
  const started = await temporal('workflow', 'start', '--task-queue', env!.taskQueue, '--type', type, '--workflow-id', workflowId);
  assert.equal(started.code, 0, started.out);
  return workflowId;
}

async function json(workflowId: string, ...args: string[]): Promise<unknown> {
  const answer = await temporal('workflow', ...args, '--workflow-id', workflowId, '-o', 'json');
  assert.equal(answer.code, 0, answer.out);
  return JSON.parse(answer.out);
}

const signal = (workflowId: string, input: unknown) => temporal('workflow', 'signal', '--workflow-id', workflowId, '--name', 'add_item', '--input', JSON.stringify(input));
const update = (workflowId: string, input: unknown) => temporal('workflow', 'update', 'execute', '--workflow-id', workflowId, '--name', 'add_item', '--input', JSON.stringify(input), '-o', 'json');

test('add_item as a signal and add_item as an update reach their own handlers on one cart', { skip }, async () => {
  const workflowId = await start('SharedNameCartWorkflow');
  // The signal takes a name and a price (its sku is optional) and answers nothing.
  const signalled = await signal(workflowId, { name: 'Wireless Mouse', price: '29.25' });
  assert.equal(signalled.code, 0, signalled.out);
  // The update runs its validators and answers with the cart total (6.3.5).
  const updated = await update(workflowId, { sku: 'LAPTOP-001', name: 'Gaming Laptop', price: '1299.50' });
  assert.equal(updated.code, 0, updated.out);
  assert.equal((JSON.parse(updated.out) as { result: unknown }).result, '1328.75');
  // Only the update has the validator: a negative price is refused by name, the signal's route is not taken.
  const refused = await update(workflowId, { sku: 'X', name: 'Broken', price: '-1' });
  assert.notEqual(refused.code, 0);
  assert.match(refused.out, /Invalid price/);
  // And the update's payload check is the update's: its sku is required.
  const noSku = await update(workflowId, { name: 'No SKU', price: '1' });
  assert.notEqual(noSku.code, 0);
  assert.match(noSku.out, /sku/);
  assert.deepEqual(await json(workflowId, 'query', '--type', 'get_total'), { queryResult: ['1328.75'] });
  const result = (await json(workflowId, 'result')) as { result: unknown };
  assert.equal(result.result, 'Checked out 2 item(s), total 1328.75');
});

test('a record result comes back as a record; the status query leaves out a field that is none', { skip }, async () => {
  const workflowId = await start('RecordResultCartWorkflow');
  assert.deepEqual(await json(workflowId, 'query', '--type', 'get_status'), { queryResult: [{ items: 0 }] });
  for (const item of [{ sku: 'LAPTOP-001', name: 'Gaming Laptop', price: '1299.50' }, { sku: 'MOUSE-001', name: 'Wireless Mouse', price: '29.25' }]) {
    const signalled = await signal(workflowId, item);
    assert.equal(signalled.code, 0, signalled.out);
  }
  assert.deepEqual(await json(workflowId, 'query', '--type', 'get_status'), { queryResult: [{ items: 2, last_sku: 'LAPTOP-001' }] });
  const result = (await json(workflowId, 'result')) as { result: unknown };
  assert.deepEqual(result.result, { items: 2, total: '1328.75', receipt: 'txn_1234567890abcdef' });
});

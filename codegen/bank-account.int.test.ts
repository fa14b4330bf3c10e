import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { nanoid } from 'nanoid';
import { eventually, until } from '@/testing/eventually';
import { goldenDesign } from './testing/fixtures';
import { connectTestClient, startTestWorker, type TestWorker } from './testing/worker';

/**
 * Chapter 6.4.5 and 6.1.6 on a real Temporal server: concurrent withdrawals cannot interleave
 * (the generated mutex), a failed check reaches the caller as an ApplicationFailure, deposits are
 * deduplicated by payment id, and signals are applied in the order sent, even before the first
 * workflow task.
 */
const design = goldenDesign('bank-account');
let env: TestWorker;
let earlyClient: Client;
const taskQueue = `bank-${nanoid(6)}`;
let earlyWorkflowId: string;

before(async () => {
  // Signals sent before any worker polls are buffered and delivered with the first workflow task.
  earlyClient = await connectTestClient();
  earlyWorkflowId = `early-${nanoid(6)}`;
  const early = await earlyClient.workflow.start('BankAccountWorkflow', { taskQueue, workflowId: earlyWorkflowId, args: [{ openingBalance: '0' }] });
  for (const id of ['p-1', 'p-2', 'p-3']) await early.signal('deposit', { paymentId: id, amount: '10.10' });
  env = await startTestWorker(design, { taskQueue });
});

after(async () => {
  await env?.stop();
  await earlyClient?.connection.close();
});

function open(openingBalance: string) {
  return env.client.workflow.start('BankAccountWorkflow', { taskQueue, workflowId: `acct-${nanoid(6)}`, args: [{ openingBalance }] });
}

test('two concurrent withdrawals of 80 from 100: one succeeds, the other fails with "Insufficient funds"', async () => {
  const handle = await open('100');
  const results = await Promise.allSettled([
    handle.executeUpdate('withdraw', { args: [{ amount: '80' }] }),
    handle.executeUpdate('withdraw', { args: [{ amount: '80' }] }),
  ]);
  const fulfilled = results.filter((r) => r.status === 'fulfilled');
  const rejected = results.filter((r) => r.status === 'rejected');
  assert.deepEqual(fulfilled.map((r) => r.value), ['20.00']);
  assert.equal(rejected.length, 1);
  const error = rejected[0].reason as unknown;
  assert.ok(error instanceof WorkflowUpdateFailedError, String(error));
  assert.ok(error.cause instanceof ApplicationFailure);
  assert.equal(error.cause.message, 'Insufficient funds');
  assert.equal(await handle.query('balance'), '20.00', 'never -60');
  await handle.signal('close');
  assert.equal(await handle.result(), 'Closed with 20.00 after 0 deposit(s), 0 before the first step');
});

test('a validator rejects a non-positive amount before anything is recorded', async () => {
  const handle = await open('5');
  await assert.rejects(
    handle.executeUpdate('withdraw', { args: [{ amount: '0' }] }),
    (error: unknown) => error instanceof WorkflowUpdateFailedError && /The amount must be positive/.test(String(error.cause?.message)),
  );
  const events = (await handle.fetchHistory()).events ?? [];
  assert.equal(events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length, 0);
  await handle.signal('close');
  await handle.result();
});

/**
 * Resolves once the worker has run the execution's first workflow task: until then signals are
 * buffered and count as "before the first step", which a loaded machine can make happen at random.
 */
async function firstTaskCompleted(handle: Awaited<ReturnType<typeof open>>) {
  const completed = async () => ((await handle.fetchHistory()).events ?? []).some((e) => e.workflowTaskCompletedEventAttributes);
  await eventually(`${handle.workflowId}'s first workflow task`, until(completed), { timeoutMs: 20_000, intervalMs: 50 });
}

test('a deposit delivered twice counts once; signals sent back to back apply in order', async () => {
  const handle = await open('0');
  await firstTaskCompleted(handle);
  for (const id of ['d-3', 'd-1', 'd-2', 'd-1']) await handle.signal('deposit', { paymentId: id, amount: '0.10' });
  assert.deepEqual(await handle.query('payments'), ['d-3', 'd-1', 'd-2']);
  assert.equal(await handle.query('balance'), '0.30');
  await handle.signal('close');
  assert.equal(await handle.result(), 'Closed with 0.30 after 3 deposit(s), 0 before the first step');
});

test('signals sent before the first workflow task are applied before the main flow reads the state', async () => {
  const handle = env.client.workflow.getHandle(earlyWorkflowId);
  assert.deepEqual(await handle.query('payments'), ['p-1', 'p-2', 'p-3']);
  await handle.signal('close');
  assert.equal(await handle.result(), 'Closed with 30.30 after 3 deposit(s), 3 before the first step');
});

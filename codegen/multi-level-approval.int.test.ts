import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nanoid } from 'nanoid';
import { goldenDesign, shorten } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

/**
 * Multi-level approval (6.4.1) on a real Temporal server: exact money thresholds pick the roles,
 * the wait needs all of several signals (or one rejection), a per-role status query, and the
 * automatic rejection when nobody decides in time (seconds here instead of days).
 */
let env: TestWorker;

before(async () => {
  env = await startTestWorker(shorten(goldenDesign('multi-level-approval'), 'await-decisions', { amount: 3, unit: 'seconds' }));
});

after(() => env?.stop());

function request(requestId: string, amount: string) {
  return env.client.workflow.start('MultiLevelApprovalWorkflow', { taskQueue: env.taskQueue, workflowId: `${requestId}-${nanoid(6)}`, args: [{ requestId, amount }] });
}

test('999.99 needs only the manager', async () => {
  const handle = await request('r-1', '999.99');
  assert.equal(await handle.query('approvalStatus'), 'manager: pending');
  await handle.signal('decideManager', { approved: true, comment: '' });
  assert.equal(await handle.result(), 'Request r-1 over 999.99 approved by manager');
});

test('1000.00 needs manager and director: one approval is not enough, both are', async () => {
  const handle = await request('r-2', '1000.00');
  await handle.signal('decideManager', { approved: true, comment: '' });
  assert.equal(await handle.query('approvalStatus'), 'manager: approved, director: pending');
  assert.equal((await handle.describe()).status.name, 'RUNNING', 'still waiting for the director');
  await handle.signal('decideDirector', { approved: true, comment: 'ok' });
  assert.equal(await handle.result(), 'Request r-2 over 1000.00 approved by manager and director');
});

test('a rejection by the VP ends the wait early; a second decision by the same role is ignored', async () => {
  const handle = await request('r-3', '25000');
  await handle.signal('decideVp', { approved: false, comment: 'no budget' });
  await handle.signal('decideVp', { approved: true, comment: 'changed my mind' });
  assert.equal(await handle.result(), 'Request r-3 rejected (manager: pending, director: pending, VP: rejected)');
  assert.equal(await handle.query('approvalStatus'), 'manager: pending, director: pending, VP: rejected');
});

test('without all decisions in time the request is rejected automatically', async () => {
  const handle = await request('r-4', '5000');
  await handle.signal('decideManager', { approved: true, comment: '' });
  assert.equal(await handle.result(), 'Request r-4 rejected automatically: no decision in time');
});

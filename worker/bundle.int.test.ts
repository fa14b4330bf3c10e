/**
 * A worker runs the bundle from the cached path (worker/bundle.ts) on a real Temporal server:
 * Worker.create accepts it (including the reusable V8 context's module-cache check) and the
 * approval workflow behaves as drawn.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Worker } from '@temporalio/worker';
import { nanoid } from 'nanoid';
import { writeBuild, type Build } from '@/codegen/testing/build';
import { approvalDesign } from '@/codegen/testing/designs';
import { runTestWorker, type TestWorker } from '@/codegen/testing/worker';
import { bundleWorkflows } from './bundle';

const taskQueue = `bundle-int-${nanoid(6)}`;
let build: Build;
let testWorker: TestWorker;

before(async () => {
  build = await writeBuild(approvalDesign());
  await bundleWorkflows({ workflowsPath: build.workflowsPath }); // fill the cache
  const { code } = await bundleWorkflows({ workflowsPath: build.workflowsPath }); // and bundle from it
  const activities = await build.activities();
  testWorker = await runTestWorker((setting) => Worker.create({ ...setting, workflowBundle: { code }, activities }), { taskQueue });
});

after(async () => {
  await testWorker?.stop();
  build?.remove();
});

test('the cached bundle runs the approval workflow: query, update, signal, result', async () => {
  const handle = await testWorker.client.workflow.start('ApprovalWorkflow', { taskQueue, workflowId: `bundle-${nanoid(6)}`, args: [{ requestId: 'b-1' }] });
  assert.equal(await handle.query('status'), 'pending');
  assert.equal(await handle.executeUpdate('addComment', { args: [{ text: 'fine' }] }), 'Comment saved');
  await handle.signal('approve', { approverName: 'Ada', approved: true, comment: 'ok' });
  assert.equal(await handle.result(), 'Request approved by Ada');
});

test('two executions on the same worker keep their state apart (module cache isolation)', async () => {
  const [a, b] = await Promise.all(
    ['b-2', 'b-3'].map((requestId) => testWorker.client.workflow.start('ApprovalWorkflow', { taskQueue, workflowId: `bundle-${nanoid(6)}`, args: [{ requestId }] })),
  );
  await a!.signal('approve', { approverName: 'Ada', approved: true, comment: '' });
  assert.equal(await a!.result(), 'Request approved by Ada');
  assert.equal(await b!.query('status'), 'pending');
  await b!.signal('approve', { approverName: 'Bob', approved: false, comment: 'no' });
  assert.equal(await b!.result(), 'Request rejected by Bob: no');
});

test('a stack trace names the generated workflow file and line (line-level source maps)', async () => {
  const handle = await testWorker.client.workflow.start('ApprovalWorkflow', { taskQueue, workflowId: `bundle-${nanoid(6)}`, args: [{ requestId: 'b-4' }] });
  const stack = await handle.query<string>('__stack_trace');
  assert.match(stack, /workflows\.ts:\d+/, stack);
  await handle.terminate('done');
});

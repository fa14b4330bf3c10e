/**
 * A worker runs the bundle from the cached path (worker/bundle.ts) on a real Temporal server:
 * Worker.create accepts it (including the reusable V8 context's module-cache check) and the
 * approval workflow behaves as drawn.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { nanoid } from 'nanoid';
import { writeBuild, type Build } from '../codegen/testing/build';
import { approvalDesign } from '../codegen/testing/designs';
import { bundleWorkflows } from './bundle';

const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
const taskQueue = `bundle-int-${nanoid(6)}`;
let build: Build;
let worker: Worker;
let running: Promise<void>;
let nativeConnection: NativeConnection;
let client: Client;

before(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  build = await writeBuild(approvalDesign());
  await bundleWorkflows({ workflowsPath: build.workflowsPath }); // fill the cache
  const { code } = await bundleWorkflows({ workflowsPath: build.workflowsPath }); // and bundle from it
  nativeConnection = await NativeConnection.connect({ address });
  worker = await Worker.create({ connection: nativeConnection, namespace, taskQueue, workflowBundle: { code }, activities: await build.activities() });
  running = worker.run();
  client = new Client({ connection: await Connection.connect({ address }), namespace });
});

after(async () => {
  worker?.shutdown();
  await running;
  await nativeConnection?.close();
  await client?.connection.close();
  build?.remove();
});

test('the cached bundle runs the approval workflow: query, update, signal, result', async () => {
  const handle = await client.workflow.start('ApprovalWorkflow', { taskQueue, workflowId: `bundle-${nanoid(6)}`, args: [{ requestId: 'b-1' }] });
  assert.equal(await handle.query('status'), 'pending');
  assert.equal(await handle.executeUpdate('addComment', { args: [{ text: 'fine' }] }), 'Comment saved');
  await handle.signal('approve', { approverName: 'Ada', approved: true, comment: 'ok' });
  assert.equal(await handle.result(), 'Request approved by Ada');
});

test('two executions on the same worker keep their state apart (module cache isolation)', async () => {
  const [a, b] = await Promise.all(
    ['b-2', 'b-3'].map((requestId) => client.workflow.start('ApprovalWorkflow', { taskQueue, workflowId: `bundle-${nanoid(6)}`, args: [{ requestId }] })),
  );
  await a!.signal('approve', { approverName: 'Ada', approved: true, comment: '' });
  assert.equal(await a!.result(), 'Request approved by Ada');
  assert.equal(await b!.query('status'), 'pending');
  await b!.signal('approve', { approverName: 'Bob', approved: false, comment: 'no' });
  assert.equal(await b!.result(), 'Request rejected by Bob: no');
});

/**
 * The exported approval project on a real Temporal server (TEMPORAL_ADDRESS): it type-checks with
 * its own tsconfig, its own generated test passes, and its typed client helpers drive the workflow
 * through signal, query, update, startUpdate, signal-with-start and update-with-start.
 * The export is written inside .data/ so it resolves @temporalio/* from our node_modules.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { nanoid } from 'nanoid';
import { approvalDesign } from '../testing/designs';
import { runTestWorker, type TestWorker } from '../testing/worker';
import { typecheckProject } from '../verify/typecheck';
import { exportProject } from './index';
import { writeExport } from './testing';

const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';

/** The parts of the exported src/client.ts and src/worker.ts this test calls. */
type Handle = WorkflowHandle;
interface StartOptions {
  workflowId: string;
  input: { requestId: string };
  taskQueue: string;
}
interface ExportedClient {
  startApprovalWorkflow(client: Client, options: StartOptions): Promise<Handle>;
  signalApprove(handle: Handle, args: { approverName: string; approved: boolean; comment: string }): Promise<void>;
  signalWithStartApprove(client: Client, options: StartOptions & { args: { approverName: string; approved: boolean; comment: string } }): Promise<Handle>;
  queryStatus(handle: Handle): Promise<string>;
  updateAddComment(handle: Handle, args: { text: string }): Promise<string>;
  startUpdateAddComment(handle: Handle, args: { text: string }): Promise<{ result(): Promise<string> }>;
  updateWithStartAddComment(client: Client, options: StartOptions & { args: { text: string } }): Promise<{ handle: Handle; result: string }>;
}
interface ExportedWorker {
  createWorker(options: { connection: NativeConnection; namespace?: string; taskQueue?: string }): Promise<Worker>;
}

let exported: { dir: string; remove(): void };
let helpers: ExportedClient;
let testWorker: TestWorker;
const taskQueue = `export-int-${nanoid(6)}`;

before(async () => {
  const result = await exportProject(approvalDesign());
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  exported = writeExport(result.files, 'int');
  helpers = (await import(pathToFileURL(join(exported.dir, 'src', 'client.ts')).href)) as ExportedClient;
  const { createWorker } = (await import(pathToFileURL(join(exported.dir, 'src', 'worker.ts')).href)) as ExportedWorker;
  testWorker = await runTestWorker(createWorker, { taskQueue });
});

after(async () => {
  await testWorker?.stop();
  exported?.remove();
});

test('the exported project type-checks with its own tsconfig.json', () => {
  assert.deepEqual(typecheckProject(exported.dir), []);
});

/** Runs an exported project's own `npm test` command (node --test via tsx) in its folder. */
async function runOwnTest(dir: string): Promise<void> {
  // Without NODE_TEST_CONTEXT, so the child reports as a standalone run (as `npm test` would).
  const { NODE_TEST_CONTEXT: _parentRunner, ...env } = process.env;
  const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--test', 'src/workflow.test.ts'], {
    cwd: dir,
    env: { ...env, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace },
    timeout: 60_000,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => assert.fail(`${error.message}\n${error.stdout}\n${error.stderr}`));
  assert.match(run.stdout, /# pass 2\n# fail 0/);
}

test("the exported project's own test passes against the server", async () => {
  await runOwnTest(exported.dir);
});

test("the e-commerce order export (money, item lists) passes its own test too", async () => {
  const design = JSON.parse(readFileSync(join(import.meta.dirname, '..', '__golden__', 'order', 'design.json'), 'utf8'));
  const result = await exportProject(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const order = writeExport(result.files, 'int-order');
  try {
    await runOwnTest(order.dir);
  } finally {
    order.remove();
  }
});

test('start, query, startUpdate, update (rejected and accepted), signal: the approval path', async () => {
  const input = { requestId: 'r-1' };
  const handle = await helpers.startApprovalWorkflow(testWorker.client, { workflowId: `export-${nanoid(6)}`, input, taskQueue });
  assert.equal(await helpers.queryStatus(handle), 'pending');
  const accepted = await helpers.startUpdateAddComment(handle, { text: 'first look' });
  assert.equal(await accepted.result(), 'Comment saved');
  await assert.rejects(helpers.updateAddComment(handle, { text: '  ' }), (error: unknown) => {
    return error instanceof WorkflowUpdateFailedError && /The comment must not be blank/.test(String(error.cause?.message));
  });
  await helpers.signalApprove(handle, { approverName: 'Ada', approved: true, comment: '' });
  assert.equal(await handle.result(), 'Request approved by Ada');
  assert.equal(await helpers.queryStatus(handle), 'approved', 'a completed execution still answers');
});

test('update-with-start starts once and reaches the same execution; signal-with-start decides it', async () => {
  const options = { workflowId: `export-${nanoid(6)}`, input: { requestId: 'r-2' }, taskQueue };
  const first = await helpers.updateWithStartAddComment(testWorker.client, { ...options, args: { text: 'opened' } });
  const second = await helpers.updateWithStartAddComment(testWorker.client, { ...options, args: { text: 'still open' } });
  assert.equal(first.result, 'Comment saved');
  assert.equal(second.result, 'Comment saved');
  assert.equal((await first.handle.describe()).runId, (await second.handle.describe()).runId);
  const decided = await helpers.signalWithStartApprove(testWorker.client, { ...options, args: { approverName: 'Bob', approved: false, comment: 'no budget' } });
  assert.equal(await decided.result(), 'Request rejected by Bob: no budget');
});

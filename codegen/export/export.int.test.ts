/**
 * The exported approval project on a real Temporal server (TEMPORAL_ADDRESS): it type-checks with
 * its own tsconfig, its typed client helpers drive the workflow through signal, query, update,
 * startUpdate, signal-with-start and update-with-start, and its own generated test — one test per
 * path of the design, on Temporal's time-skipping test server (scripts/lib/test-server.ts) — passes
 * with each path reached. The export is written inside .data/ so it resolves @temporalio/* from our
 * node_modules.
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
import { ensureTestServer } from '../../scripts/lib/test-server';
import { approvalDesign } from '../testing/designs';
import { runTestWorker, type TestWorker } from '../testing/worker';
import { typecheckProject } from '../verify/typecheck';
import { exportProject } from './index';
import { writeExport } from './testing';

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

interface OwnTestRun {
  passed: string[];
  skipped: string[];
  summary: { pass: number; fail: number; skipped: number };
}

/** Runs an exported project's own `npm test` command (node --test via tsx) in its folder. */
async function runOwnTest(dir: string): Promise<OwnTestRun> {
  // Without NODE_TEST_CONTEXT, so the child reports as a standalone run (as `npm test` would).
  const { NODE_TEST_CONTEXT: _parentRunner, ...env } = process.env;
  const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--test', 'src/workflow.test.ts'], {
    cwd: dir,
    env: { ...env, TEMPORAL_TEST_SERVER_PATH: await ensureTestServer() },
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => assert.fail(`${error.message}\n${error.stdout}\n${error.stderr}`));
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(run.stdout)?.[1] ?? NaN);
  const titles = (pattern: RegExp) => [...run.stdout.matchAll(pattern)].map((m) => m[1]);
  return {
    passed: titles(/^ok \d+ - (.*?)$/gm).filter((t) => !t.includes('# SKIP')),
    skipped: titles(/^ok \d+ - (.*) # SKIP/gm),
    summary: { pass: count('pass'), fail: count('fail'), skipped: count('skipped') },
  };
}

test("the exported approval project's own tests reach every path a client can drive", { timeout: 300_000 }, async () => {
  const run = await runOwnTest(exported.dir);
  assert.equal(run.summary.fail, 0);
  for (const path of [
    'path: "Await approval" times out (7 days) → "Timed out"',
    'path: "Approved?" takes "Approved" → "Approved"',
    'path: "Approved?" takes "otherwise" → "Rejected"',
    'path: update "addComment" is rejected: The comment must not be blank',
  ]) {
    assert.ok(run.passed.includes(path), `${path} was not run: ${JSON.stringify(run)}`);
  }
  // Deciding completes the run at once, so an update can never find it decided and still running.
  assert.deepEqual(run.skipped, ['path: update "addComment" is rejected: The request is already decided']);
});

/** Exports a design file of this repository, runs the project's own tests, removes it. */
async function runOwnTestOf(...path: string[]): Promise<OwnTestRun> {
  const result = await exportProject(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', ...path), 'utf8')));
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const written = writeExport(result.files, 'int-paths');
  try {
    return await runOwnTest(written.dir);
  } finally {
    written.remove();
  }
}

test('the expense approval template: its timeout, both branches of its decision, each a test that passes', { timeout: 300_000 }, async () => {
  const run = await runOwnTestOf('examples', 'expense-approval.json');
  assert.deepEqual(run.summary, { pass: 5, fail: 0, skipped: 0 }, JSON.stringify(run));
  assert.deepEqual(
    run.passed.filter((title) => title.startsWith('path: ')),
    [
      'path: "Await decision" times out (7 days) → "Auto-reject"',
      'path: "Approved?" takes "Approved" → "Process approved expense"',
      'path: "Approved?" takes "otherwise" → "Notify rejection"',
    ],
  );
});

test('the e-commerce order golden (money, item lists, validators) passes its own per-path tests', { timeout: 300_000 }, async () => {
  const run = await runOwnTestOf('codegen', '__golden__', 'order', 'design.json');
  assert.equal(run.summary.fail, 0, JSON.stringify(run));
  assert.ok(run.passed.some((title) => title.includes('times out')), JSON.stringify(run));
  assert.ok(run.passed.filter((title) => title.includes('is rejected')).length >= 3, JSON.stringify(run));
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

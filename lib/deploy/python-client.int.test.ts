/**
 * Callers from outside across deploys (issue 12, docs/versioning.md "Calling from Python"): a Python
 * client on Temporal's SDK (tests/python/approval_client.py) and the `temporal` CLI start,
 * signal-with-start and update-with-start the approval design on its stable task queue after each of
 * three deploys and after a rollback, configured once and never changed. Every execution runs on
 * the version current when it started, and the ones still open at the next deploy finish there —
 * read from their histories (each completed workflow task's deployment version).
 * Needs TEMPORAL_ADDRESS and TEMPORAL_CLI (. /work/devsvc/env); Python with temporalio comes from
 * scripts/lib/python.ts ($SIGNALBOX_TEST_PYTHON when `npm test` installed it already).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import * as designDeploymentsRoute from '@/app/api/designs/[id]/deployments/route';
import * as designsRoute from '@/app/api/designs/route';
import { call } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import { ensureTestPython } from '@/scripts/lib/python';
import { setCurrentVersion } from './versioning';
import { designTaskQueue } from './versioning-names';

const skip = !process.env.TEMPORAL_ADDRESS ? 'TEMPORAL_ADDRESS is not set' : !process.env.TEMPORAL_CLI ? 'TEMPORAL_CLI is not set' : false;
const approval = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const clientScript = fileURLToPath(new URL('../../tests/python/approval_client.py', import.meta.url));
const exec = promisify(execFile);

let stack: TestStack | undefined;
before(async () => {
  if (!skip) stack = await startTestStack({ name: 'python-client' });
});
after(() => stack?.stop());

/** The Python to run the client with; a failed install fails the test with its reason (no silent skip). */
async function testPython(): Promise<string> {
  if (process.env.SIGNALBOX_TEST_PYTHON) return process.env.SIGNALBOX_TEST_PYTHON;
  const python = await ensureTestPython();
  if (!python.ok) assert.fail(python.reason);
  return python.python;
}

async function temporal(...args: string[]): Promise<string> {
  const { stdout } = await exec(process.env.TEMPORAL_CLI!, [...args, '--address', process.env.TEMPORAL_ADDRESS!, '--namespace', process.env.TEMPORAL_NAMESPACE ?? 'default'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

interface PythonRound {
  started: { workflowId: string; status: string };
  signalWithStart: { workflowId: string; result: string };
  updateWithStart: { workflowId: string; result: string };
}

/** One run of the Python client: the same environment every time, only the workflow ids differ. */
async function pythonRound(python: string, callerEnv: Record<string, string>, prefix: string): Promise<PythonRound> {
  try {
    const { stdout } = await exec(python, [clientScript, prefix], { env: { ...process.env, ...callerEnv }, timeout: 120_000 });
    return JSON.parse(stdout) as PythonRound;
  } catch (error) {
    const failed = error as Error & { stderr?: string };
    assert.fail(`the Python client failed for ${prefix}: ${failed.message}\n${failed.stderr ?? ''}`);
  }
}

/** The CLI's signal-with-start and update-with-start, with the same queue and type every time. */
async function cliRound(caller: { taskQueue: string; workflowType: string }, prefix: string): Promise<{ signalled: string; updated: string; updateResult: unknown }> {
  const signalled = `${prefix}-cli-signal-with-start`;
  await temporal(
    'workflow', 'signal-with-start', '--task-queue', caller.taskQueue, '--type', caller.workflowType, '--workflow-id', signalled,
    '--input', JSON.stringify({ requestId: signalled }), '--signal-name', 'approve', '--signal-input', JSON.stringify({ approverName: 'Cli', approved: true }),
  );
  const updated = `${prefix}-cli-update-with-start`;
  const answer = await temporal(
    'workflow', 'execute-update-with-start', '--task-queue', caller.taskQueue, '--type', caller.workflowType, '--workflow-id', updated,
    '--input', JSON.stringify({ requestId: updated }), '--id-conflict-policy', 'UseExisting',
    '--update-name', 'addComment', '--update-input', JSON.stringify({ text: 'from the CLI' }), '-o', 'json',
  );
  return { signalled, updated, updateResult: JSON.parse(answer) };
}

interface Described {
  status: string;
  buildId: string | null;
  behavior: string | null;
}

async function describe(workflowId: string): Promise<Described> {
  const info = JSON.parse(await temporal('workflow', 'describe', '--workflow-id', workflowId, '-o', 'json')).workflowExecutionInfo ?? {};
  const versioning = info.versioningInfo ?? {};
  return { status: String(info.status ?? ''), buildId: versioning.deploymentVersion?.buildId ?? null, behavior: versioning.behavior ?? null };
}

/** The build id of every completed workflow task in the execution's history, in order. */
async function historyBuildIds(workflowId: string): Promise<string[]> {
  const history = JSON.parse(await temporal('workflow', 'show', '--workflow-id', workflowId, '-o', 'json'));
  const events: { eventType?: string; workflowTaskCompletedEventAttributes?: { deploymentVersion?: { buildId?: string } } }[] = history.events ?? [];
  return events
    .filter((event) => /WORKFLOW_TASK_COMPLETED|WorkflowTaskCompleted/.test(String(event.eventType)))
    .map((event) => event.workflowTaskCompletedEventAttributes?.deploymentVersion?.buildId ?? '(none)');
}

function completed(workflowId: string): Promise<Described> {
  return eventually(`${workflowId} to complete`, async () => {
    const described = await describe(workflowId);
    return /COMPLETED/.test(described.status) ? described : undefined;
  });
}

interface Deployed {
  id: string;
  buildId: string;
  taskQueue: string;
  workflowType: string;
}

async function deploy(designId: string): Promise<Deployed> {
  const deployed = await call(designDeploymentsRoute.POST, { body: { force: true }, params: { id: designId } });
  assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
  return deployed.body.deployment;
}

test('Python and the CLI start, signal-with-start and update-with-start on the stable queue across three deploys and a rollback; each execution finishes on its own version', { skip, timeout: 480_000 }, async () => {
  const python = await testPython();
  const created = await call(designsRoute.POST, { body: { design: approval } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const designId: string = created.body.id;

  const d1 = await deploy(designId);
  // The caller's whole configuration, written down once before the first call.
  const caller = { taskQueue: designTaskQueue(designId), workflowType: d1.workflowType };
  const callerEnv = {
    SIGNALBOX_TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!,
    SIGNALBOX_TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE ?? 'default',
    SIGNALBOX_TASK_QUEUE: caller.taskQueue,
    SIGNALBOX_WORKFLOW_TYPE: caller.workflowType,
  };

  /** Executions still waiting for a decision, with the version they must finish on. */
  const waiting: { workflowId: string; buildId: string }[] = [];
  const finishedAt: { workflowId: string; buildId: string }[] = [];

  const round = async (label: string, expected: Deployed) => {
    const prefix = `py-${designId}-${label}`;
    const fromPython = await pythonRound(python, callerEnv, prefix);
    assert.equal(fromPython.started.status, 'pending', `${label}: query through Python`);
    assert.equal(fromPython.signalWithStart.result, 'Request approved by Py', `${label}: signal-with-start through Python`);
    assert.equal(fromPython.updateWithStart.result, 'Comment saved', `${label}: update-with-start through Python`);
    const fromCli = await cliRound(caller, prefix);
    assert.match(JSON.stringify(fromCli.updateResult), /Comment saved/, `${label}: update-with-start through the CLI`);
    assert.equal((await completed(fromCli.signalled)).buildId, expected.buildId, `${label}: CLI signal-with-start ran on the current version`);
    finishedAt.push({ workflowId: fromPython.signalWithStart.workflowId, buildId: expected.buildId }, { workflowId: fromCli.signalled, buildId: expected.buildId });
    for (const workflowId of [fromPython.started.workflowId, fromPython.updateWithStart.workflowId, fromCli.updated]) {
      const described = await describe(workflowId);
      assert.equal(described.buildId, expected.buildId, `${label}: ${workflowId} started on the current version`);
      assert.match(String(described.behavior), /PINNED/);
      waiting.push({ workflowId, buildId: expected.buildId });
    }
  };

  await round('deploy-1', d1);
  const d2 = await deploy(designId);
  await round('deploy-2', d2);
  const d3 = await deploy(designId);
  await round('deploy-3', d3);
  for (const d of [d1, d2, d3]) {
    assert.equal(d.taskQueue, caller.taskQueue, 'every version on the design’s one queue');
    assert.equal(d.workflowType, caller.workflowType, 'every version under the same workflow type');
  }
  assert.equal(new Set([d1.buildId, d2.buildId, d3.buildId]).size, 3);

  // rollback: the first version current again; the same callers, unchanged, now reach it
  await setCurrentVersion({ designId, buildId: d1.buildId });
  await round('rolled-back', d1);

  // the executions left waiting by each round are decided now, after every deploy and the rollback
  for (const { workflowId } of waiting) {
    await temporal('workflow', 'signal', '--workflow-id', workflowId, '--name', 'approve', '--input', JSON.stringify({ approverName: 'Al', approved: true }));
  }
  for (const { workflowId, buildId, tasks } of [...waiting.map((w) => ({ ...w, tasks: 2 })), ...finishedAt.map((f) => ({ ...f, tasks: 1 }))]) {
    const done = await completed(workflowId);
    assert.equal(done.buildId, buildId, `${workflowId} finished on the version it started on`);
    const builds = await historyBuildIds(workflowId);
    assert.ok(builds.length >= tasks, `${workflowId}: workflow tasks ${JSON.stringify(builds)}`);
    assert.deepEqual(new Set(builds), new Set([buildId]), `${workflowId}: every workflow task completed on ${buildId}, history says ${JSON.stringify(builds)}`);
  }
  assert.equal(waiting.length, 12);
  assert.equal(finishedAt.length, 8);
});

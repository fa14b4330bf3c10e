import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import protoPackage from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { nanoid } from 'nanoid';
import * as activities from './__golden__/task-worker/activities';
import { runTestWorker, type TestWorker } from './testing/worker';

/**
 * The generated workflow keeps the current step's label as the execution's current details
 * (setCurrentDetails), read here from outside with the temporal CLI; and since those details are
 * metadata on the workflow task's completion, not history events, histories of the code before
 * (the same generated code without the setCurrentDetails call) replay on the new code and back.
 */
const EventType = protoPackage.temporal.api.enums.v1.EventType;
const golden = join(import.meta.dirname, '__golden__', 'task-worker');
const FILES = ['workflows.ts', 'shared.ts', 'step-tracking.ts', 'payload-checks.ts', 'activities.ts'];
const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';

/** The golden task-worker's code as a build directory, `edit` applied to its step-tracking.ts. */
function buildOf(edit: (stepTracking: string) => string): string {
  // Inside the project (as codegen/testing/build.ts does), so the bundler finds @temporalio/*.
  const builds = join(import.meta.dirname, '..', '.data', 'test-builds');
  mkdirSync(builds, { recursive: true });
  const dir = mkdtempSync(join(builds, 'details-'));
  for (const file of FILES) copyFileSync(join(golden, file), join(dir, file));
  writeFileSync(join(dir, 'step-tracking.ts'), edit(readFileSync(join(golden, 'step-tracking.ts'), 'utf8')));
  return dir;
}

const newCode = buildOf((text) => text);
const codeBefore = buildOf((text) => {
  const without = text.replace(/^\s*setCurrentDetails\(label\);\n/m, '').replace(/^\s*setCurrentDetails,\n/m, '');
  assert.ok(!without.includes('setCurrentDetails'), 'fixture changed: step-tracking.ts calls setCurrentDetails elsewhere');
  return without;
});

let current: TestWorker;
let before_: TestWorker;

before(async () => {
  if (skip) return;
  const create = (dir: string) => (setting: Parameters<Parameters<typeof runTestWorker>[0]>[0]) =>
    Worker.create({ ...setting, workflowsPath: join(dir, 'workflows.ts'), activities });
  current = await runTestWorker(create(newCode));
  before_ = await runTestWorker(create(codeBefore));
});

after(async () => {
  await current?.stop();
  await before_?.stop();
  rmSync(newCode, { recursive: true, force: true });
  rmSync(codeBefore, { recursive: true, force: true });
});

/**
 * Runs one TaskWorkerWorkflow to completion on `env`: it waits for a task, gets one and reports to
 * another execution (a workflow cannot signal itself as an external one), terminated afterwards.
 */
async function runToCompletion(env: TestWorker, whileWaiting: (workflowId: string) => Promise<void> = async () => {}) {
  const workflowId = `details-${nanoid(6)}`;
  const start = (id: string, orchestratorId: string) =>
    env.client.workflow.start('TaskWorkerWorkflow', { taskQueue: env.taskQueue, workflowId: id, args: [{ orchestratorId, initialTask: '' }] });
  const listener = await start(`${workflowId}-listener`, 'nobody');
  try {
    const handle = await start(workflowId, listener.workflowId);
    // Signalled once it waits, so both runs' histories have their events in the same order.
    for (let i = 0; i < 100 && (await handle.query<{ currentStep: string }>('__signalbox_state')).currentStep !== 'await-task'; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await whileWaiting(workflowId);
    await handle.signal('processTask', { taskId: 'task-1' });
    assert.equal(await handle.result(), 'Processed 1 task(s)');
    return await handle.fetchHistory();
  } finally {
    await listener.terminate('test done');
  }
}

async function temporalJson(args: string[]): Promise<unknown> {
  const cli = process.env.TEMPORAL_CLI ?? 'temporal';
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const { stdout } = await promisify(execFile)(cli, [...args, '--address', address, '--namespace', process.env.TEMPORAL_NAMESPACE ?? 'default', '-o', 'json']);
  return JSON.parse(stdout);
}

test("the temporal CLI shows the step an execution waits in, by its label, as the execution's current details", { skip, timeout: 120_000 }, async () => {
  await runToCompletion(current, async (workflowId) => {
    // The CLI answers the SDK's built-in __temporal_workflow_metadata query, as the Web UI does.
    type Metadata = { queryResult?: { currentDetails?: string }[] };
    let metadata: Metadata = {};
    const details = () => metadata.queryResult?.[0]?.currentDetails;
    for (let i = 0; i < 50 && details() !== 'Until a task is done'; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 200));
      metadata = (await temporalJson(['workflow', 'metadata', '--workflow-id', workflowId])) as Metadata;
    }
    assert.equal(details(), 'Until a task is done', `\`temporal workflow metadata\` names the waiting step: ${JSON.stringify(metadata)}`);
  });
});

test('setCurrentDetails adds no history event: histories of the code before replay on the new code, and back', { skip, timeout: 180_000 }, async () => {
  const oldHistory = await runToCompletion(before_);
  const newHistory = await runToCompletion(current);
  // Workflow task events depend on when the signal arrives; every other event is the workflow's doing.
  const WORKFLOW_TASK = /^EVENT_TYPE_WORKFLOW_TASK_/;
  const eventTypes = (h: typeof oldHistory) =>
    (h.events ?? []).map((e) => String(EventType[e.eventType ?? 0])).filter((type) => !WORKFLOW_TASK.test(type));
  assert.deepEqual(eventTypes(newHistory), eventTypes(oldHistory), 'the same events, one for one');
  assert.ok(eventTypes(newHistory).includes('EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED'));
  await Worker.runReplayHistory({ workflowsPath: join(newCode, 'workflows.ts') }, oldHistory);
  await Worker.runReplayHistory({ workflowsPath: join(codeBefore, 'workflows.ts') }, newHistory);
});

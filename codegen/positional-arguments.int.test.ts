/**
 * Positional arguments, from outside: the generated PositionalApprovalWorkflow (golden
 * positional-arguments) on a real Temporal server, driven by the official `temporal` CLI the way
 * the chapter's Python clients call it — started with one bare string, `approve` with two
 * positional arguments, `set_priority` with one bare number, `has_note` with one bare string.
 * Needs TEMPORAL_ADDRESS and TEMPORAL_CLI (. /work/devsvc/env).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { nanoid } from 'nanoid';
import type { DesignerState } from './runtime-contract';
import { goldenDesign } from './testing/fixtures';
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

/** `--input` once per argument, each a JSON value: the CLI's positional arguments. */
const inputs = (...values: unknown[]): string[] => values.flatMap((value) => ['--input', JSON.stringify(value)]);

let env: TestWorker | undefined;
before(async () => {
  if (!skip) env = await startTestWorker(goldenDesign('positional-arguments'));
});
after(() => env?.stop());

async function cliStart(...args: unknown[]): Promise<string> {
  const workflowId = `positional-${nanoid(6)}`;
  const started = await temporal('workflow', 'start', '--task-queue', env!.taskQueue, '--type', 'PositionalApprovalWorkflow', '--workflow-id', workflowId, ...inputs(...args));
  assert.equal(started.code, 0, started.out);
  return workflowId;
}

async function state(workflowId: string): Promise<DesignerState> {
  const answer = await temporal('workflow', 'query', '--workflow-id', workflowId, '--type', '__signalbox_state', '-o', 'json');
  assert.equal(answer.code, 0, answer.out);
  return (JSON.parse(answer.out) as { queryResult: DesignerState[] }).queryResult[0];
}

test('started with one bare string, approve with two positional arguments: the result names the approver', { skip }, async () => {
  const workflowId = await cliStart('REQ-1');
  const priority = await temporal('workflow', 'update', 'execute', '--workflow-id', workflowId, '--name', 'set_priority', ...inputs(2));
  assert.equal(priority.code, 0, priority.out);
  assert.match(priority.out, /\b2\b/);
  const signalled = await temporal('workflow', 'signal', '--workflow-id', workflowId, '--name', 'approve', ...inputs('Alice', 'ok'));
  assert.equal(signalled.code, 0, signalled.out);
  const result = await temporal('workflow', 'result', '--workflow-id', workflowId, '-o', 'json');
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, /Request REQ-1 approved by Alice/);
  const note = await temporal('workflow', 'query', '--workflow-id', workflowId, '--type', 'has_note', ...inputs('ok'), '-o', 'json');
  assert.equal((JSON.parse(note.out) as { queryResult: unknown[] }).queryResult[0], true);
});

test('wrong positional arguments are refused naming the argument: an update rejected, a signal not applied', { skip }, async () => {
  const workflowId = await cliStart('REQ-2', '12.50');
  const update = (...values: unknown[]) => temporal('workflow', 'update', 'execute', '--workflow-id', workflowId, '--name', 'set_priority', ...inputs(...values));
  const wrongType = await update('high');
  assert.notEqual(wrongType.code, 0);
  assert.match(wrongType.out, /Argument 1 \(level\) of update "set_priority" must be a number, got string "high" \(type: InvalidPayload, retryable: false\)/);
  const extra = await update(1, 2);
  assert.match(extra.out, /Extra argument 2 to update "set_priority", given 2 \(expected 1 argument: level\)/);
  // A record where a bare value is expected is refused, not read as a missing field.
  const record = await update({ level: 3 });
  assert.match(record.out, /Argument 1 \(level\) of update "set_priority" must be a number, got an object/);

  assert.equal((await temporal('workflow', 'signal', '--workflow-id', workflowId, '--name', 'approve', ...inputs(7, 'ok'))).code, 0);
  const after = await state(workflowId);
  assert.equal(after.variables.decided, false);
  assert.match(after.refusedMessages?.[0]?.reason ?? '', /Argument 1 \(approver\) of signal "approve" must be a string, got number 7/);
  await temporal('workflow', 'terminate', '--workflow-id', workflowId, '--reason', 'test over');
});

test('a start without its required argument fails at once, naming it', { skip }, async () => {
  const workflowId = await cliStart();
  const result = await temporal('workflow', 'result', '--workflow-id', workflowId);
  assert.notEqual(result.code, 0);
  assert.match(result.out, /Argument 1 \(request_id\) of workflow "PositionalApprovalWorkflow" is required/);
});

/**
 * Wire names, from outside: the generated ApprovalRequestWorkflow (golden wire-names, a design in
 * the chapter's snake_case names) on a real Temporal server, driven by the official `temporal` CLI
 * exactly as the chapter's Python client calls it — `approve` with `approver_name`, `get_status`,
 * `add_item`-style updates — while the generated code reads approverName and friends.
 * Needs TEMPORAL_ADDRESS and TEMPORAL_CLI (. /work/devsvc/env).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { nanoid } from 'nanoid';
import type { DesignerState } from './runtime-contract';
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

let env: TestWorker | undefined;
before(async () => {
  if (!skip) env = await startTestWorker(shorten(goldenDesign('wire-names'), 'await-approval', { amount: 1, unit: 'minutes' }));
});
after(() => env?.stop());

async function cliStart(input: unknown): Promise<string> {
  const workflowId = `wire-${nanoid(6)}`;
  const started = await temporal('workflow', 'start', '--task-queue', env!.taskQueue, '--type', 'ApprovalRequestWorkflow', '--workflow-id', workflowId, '--input', JSON.stringify(input));
  assert.equal(started.code, 0, started.out);
  return workflowId;
}

async function query(workflowId: string, type: string, input?: unknown): Promise<unknown> {
  const answer = await temporal('workflow', 'query', '--workflow-id', workflowId, '--type', type, ...(input === undefined ? [] : ['--input', JSON.stringify(input)]), '-o', 'json');
  assert.equal(answer.code, 0, answer.out);
  return (JSON.parse(answer.out) as { queryResult: unknown[] }).queryResult[0];
}

test('the chapter\'s client names just work: approve with approver_name, get_status, the result names Alice', { skip }, async () => {
  const workflowId = await cliStart({ request_id: 'REQ-7' });
  assert.equal(await query(workflowId, 'get_status'), 'pending');
  const signalled = await temporal('workflow', 'signal', '--workflow-id', workflowId, '--name', 'approve', '--input', JSON.stringify({ approver_name: 'Alice' }));
  assert.equal(signalled.code, 0, signalled.out);
  const result = await temporal('workflow', 'result', '--workflow-id', workflowId, '-o', 'json');
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, /Request REQ-7 approved by Alice/);
  // Queries answer after completion too.
  assert.equal(await query(workflowId, 'get_status'), 'approved by Alice');
});

test('an update and a query take their wire names; camelCase keys are refused naming the field as sent', { skip }, async () => {
  const workflowId = await cliStart({ request_id: 'REQ-8' });
  const update = (input: unknown) => temporal('workflow', 'update', 'execute', '--workflow-id', workflowId, '--name', 'add_note', '--input', JSON.stringify(input));

  const added = await update({ note_text: 'call back', is_urgent: true });
  assert.equal(added.code, 0, added.out);
  assert.match(added.out, /\b1\b/);
  assert.equal(await query(workflowId, 'has_note', { note_text: 'URGENT: call back' }), true);
  assert.equal(await query(workflowId, 'has_note', { note_text: 'call back' }), false);

  const camel = await update({ noteText: 'x' });
  assert.notEqual(camel.code, 0);
  assert.match(camel.out, /Unknown field "noteText" in the arguments of update "add_note" \(expected note_text, is_urgent\) \(type: InvalidPayload, retryable: false\)/);
  const missing = await update({ is_urgent: false });
  assert.match(missing.out, /Field "note_text" of the arguments of update "add_note" is required \(type: InvalidPayload/);

  // A signal under the identifier's key is not applied as "approved by undefined": it is refused.
  assert.equal((await temporal('workflow', 'signal', '--workflow-id', workflowId, '--name', 'approve', '--input', JSON.stringify({ approverName: 'Bob' }))).code, 0);
  const state = (await query(workflowId, '__signalbox_state')) as DesignerState;
  assert.equal(state.variables.decided, false);
  assert.match(state.refusedMessages?.[0]?.reason ?? '', /Unknown field "approverName" in the arguments of signal "approve" \(expected approver_name\)/);
  await temporal('workflow', 'terminate', '--workflow-id', workflowId, '--reason', 'test over');
});

test('a start input under camelCase keys fails at once, naming the wire field it lacks', { skip }, async () => {
  const workflowId = await cliStart({ requestId: 'REQ-9' });
  const result = await temporal('workflow', 'result', '--workflow-id', workflowId);
  assert.notEqual(result.code, 0);
  assert.match(result.out, /Message: Unknown field "requestId" in the workflow input \(expected request_id, max_amount\)/);
});

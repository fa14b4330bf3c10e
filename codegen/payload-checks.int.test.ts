/**
 * Payloads checked at the door, from outside: the generated ExpenseClaimWorkflow (golden
 * payload-checks) on a real Temporal server, driven by the official `temporal` CLI — a client
 * that bypasses Signalbox's own checks, as Python or Go clients do.
 * - an update with a bad payload is rejected with failure type InvalidPayload, naming the field;
 * - a validator's rejection comes back as a non-retryable ValidationError;
 * - a signal with a bad payload changes nothing and shows in the designer query's refusedMessages;
 * - a start with a bad input fails at once, naming the field.
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
  if (!skip) env = await startTestWorker(shorten(goldenDesign('payload-checks'), 'await-submit', { amount: 1, unit: 'minutes' }));
});
after(() => env?.stop());

async function cliStart(input: unknown): Promise<string> {
  const workflowId = `claim-${nanoid(6)}`;
  const started = await temporal('workflow', 'start', '--task-queue', env!.taskQueue, '--type', 'ExpenseClaimWorkflow', '--workflow-id', workflowId, '--input', JSON.stringify(input));
  assert.equal(started.code, 0, started.out);
  return workflowId;
}

async function state(workflowId: string): Promise<DesignerState> {
  const answer = await temporal('workflow', 'query', '--workflow-id', workflowId, '--name', '__signalbox_state', '-o', 'json');
  assert.equal(answer.code, 0, answer.out);
  return (JSON.parse(answer.out) as { queryResult: DesignerState[] }).queryResult[0];
}

test('an update with a bad payload is rejected as InvalidPayload naming the field; a validator rejection is a non-retryable ValidationError', { skip }, async () => {
  const workflowId = await cliStart({ claimId: 'C-1', limit: '500.00' });
  const update = (input: unknown) => temporal('workflow', 'update', 'execute', '--workflow-id', workflowId, '--name', 'addLines', '--input', JSON.stringify(input));

  const misspelt = await update({ lines: [{ description: 'Taxi', amount: '23.50' }], line_note: 'x' });
  assert.notEqual(misspelt.code, 0);
  assert.match(misspelt.out, /Unknown field "line_note" in the arguments of update "addLines" \(expected lines, quantities, note\) \(type: InvalidPayload, retryable: false\)/);

  const float = await update({ lines: [{ description: 'Taxi', amount: 23.5 }] });
  assert.match(float.out, /Field "lines\[0\]\.amount" of the arguments of update "addLines" must be an amount of money .*got number 23\.5 \(type: InvalidPayload, retryable: false\)/);

  const empty = await update({ lines: [] });
  assert.notEqual(empty.code, 0);
  assert.match(empty.out, /Add at least one line \(type: ValidationError, retryable: false\)/);

  const accepted = await update({ lines: [{ description: 'Taxi', amount: '23.50' }] });
  assert.equal(accepted.code, 0, accepted.out);
  assert.match(accepted.out, /\b1\b/);
  assert.equal((await state(workflowId)).variables.lineCount, 1, 'only the good update was applied');
  await temporal('workflow', 'terminate', '--workflow-id', workflowId, '--reason', 'test over');
});

test('a signal with a bad payload is not applied and shows in refusedMessages', { skip }, async () => {
  const workflowId = await cliStart({ claimId: 'C-2', limit: '500.00' });
  const signal = (input: unknown) => temporal('workflow', 'signal', '--workflow-id', workflowId, '--name', 'addLine', '--input', JSON.stringify(input));
  assert.equal((await signal({ description: 'Hotel', amount: 120 })).code, 0, 'a signal cannot be rejected: the CLI succeeds');
  assert.equal((await signal({ description: 'Taxi', amount: '23.50', note: 'airport' })).code, 0);
  const after = await state(workflowId);
  assert.equal(after.variables.lineCount, 1);
  assert.equal(after.variables.total, '23.50', 'the refused line did not touch the total');
  assert.equal(after.refusedMessages?.length, 1);
  const [refused] = after.refusedMessages!;
  assert.equal(refused.name, 'addLine');
  assert.match(refused.reason, /^Field "amount" of the arguments of signal "addLine" must be an amount of money .*got number 120$/);
  assert.ok(!Number.isNaN(Date.parse(refused.at)));
  await temporal('workflow', 'terminate', '--workflow-id', workflowId, '--reason', 'test over');
});

test('a start with a bad input fails at once, naming the field', { skip }, async () => {
  const workflowId = await cliStart({ claim_id: 'C-3', limit: '500.00' });
  const result = await temporal('workflow', 'result', '--workflow-id', workflowId);
  assert.notEqual(result.code, 0);
  assert.match(result.out, /Status\s+FAILED/);
  assert.match(result.out, /Message: Unknown field "claim_id" in the workflow input \(expected claimId, limit, urgent, tags\)/);
  const described = await temporal('workflow', 'describe', '--workflow-id', workflowId, '-o', 'json');
  assert.match(described.out, /WORKFLOW_EXECUTION_STATUS_FAILED/);
});

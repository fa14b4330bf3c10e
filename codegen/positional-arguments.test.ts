import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import { approveSignalPayload, inputPayload, setPriorityUpdatePayload } from './__golden__/positional-arguments/payload-checks';
import type { StepTracker } from './__golden__/positional-arguments/step-tracking';
import { compileDesign } from './pipeline';

/**
 * Positional arguments (`arguments: 'positional'`, the design's `inputArguments`): each declared
 * field is its own argument, in order, as the chapter's Python clients send them — approve("Alice",
 * "ok"), set_priority(2), run("REQ-1"). The checks run as generated (the committed golden), and
 * every refusal names the argument by position and parameter.
 */

const golden = JSON.parse(readFileSync(new URL('./__golden__/positional-arguments/design.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function assertRefused(run: () => void, field: string, message: RegExp): void {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ApplicationFailure, `an ApplicationFailure, not ${String(error)}`);
    assert.equal(error.type, 'InvalidPayload');
    assert.equal(error.nonRetryable, true);
    assert.deepEqual(error.details, [{ field }]);
    assert.match(error.message, message);
    return;
  }
  assert.fail('the payload was accepted');
}

test('arguments in order pass and are read under their identifiers; a missing optional one is filled in', () => {
  const start: unknown[] = ['REQ-1'];
  inputPayload.check(start);
  assert.deepEqual(inputPayload.read(start), { requestId: 'REQ-1', maxAmount: '0' });
  assert.deepEqual(inputPayload.read(['REQ-2', '12.50']), { requestId: 'REQ-2', maxAmount: '12.50' });
  setPriorityUpdatePayload.check([3]);
  assert.deepEqual(setPriorityUpdatePayload.read([3]), { level: 3 });
});

test('a missing argument is refused, naming its position and parameter', () => {
  assertRefused(() => inputPayload.check([]), 'request_id', /^Argument 1 \(request_id\) of workflow "PositionalApprovalWorkflow" is required$/);
  assertRefused(() => setPriorityUpdatePayload.check([]), 'level', /^Argument 1 \(level\) of update "set_priority" is required$/);
});

test('an argument of the wrong type is refused, naming its position, parameter and what was sent', () => {
  assertRefused(() => setPriorityUpdatePayload.check(['high']), 'level', /^Argument 1 \(level\) of update "set_priority" must be a number, got string "high"$/);
  assertRefused(() => inputPayload.check(['REQ-1', 12.5]), 'max_amount', /^Argument 2 \(max_amount\) of workflow "PositionalApprovalWorkflow" must be an amount of money .*got number 12\.5$/);
  // The record a client of the record shape would send is one wrong argument, not silently read.
  assertRefused(() => setPriorityUpdatePayload.check([{ level: 3 }]), 'level', /Argument 1 \(level\) .* must be a number, got an object/);
});

test('an extra argument is refused, saying how many the message takes', () => {
  assertRefused(() => setPriorityUpdatePayload.check([1, 2]), 'argument 2', /^Extra argument 2 to update "set_priority", given 2 \(expected 1 argument: level\)$/);
  assertRefused(() => inputPayload.check(['REQ-1', '1.00', 'x']), 'argument 3', /expected 2 arguments: request_id, max_amount/);
});

test('a signal with wrong arguments is not applied: the refusal names the argument for the execution page', () => {
  const refused: { name: string; reason: string }[] = [];
  const tracker: StepTracker = { enter: () => {}, enterWaiting: () => {}, refuse: (name, reason) => refused.push({ name, reason }) };
  const good: unknown[] = ['Alice'];
  assert.equal(approveSignalPayload.accepts(good, tracker), true);
  assert.deepEqual(approveSignalPayload.read(good), { approver: 'Alice', comment: '' });
  // log.warn needs a workflow context; outside one, the refusal is still recorded before it would log.
  try {
    approveSignalPayload.accepts([7, 'ok'], tracker);
  } catch {
    // expected outside a workflow
  }
  assert.deepEqual(refused, [{ name: 'approve', reason: 'Argument 1 (approver) of signal "approve" must be a string, got number 7' }]);
});

test('the generated code declares the arguments as a labeled tuple and the handlers take them spread', async () => {
  const result = await compileDesign(golden);
  assert.ok(result.ok);
  const file = (path: string) => result.files.find((f) => f.path === path)?.contents ?? '';
  assert.match(file('shared.ts'), /defineSignal<\[approver: string, comment\?: string\]>\('approve'\)/);
  assert.match(file('shared.ts'), /defineUpdate<number, \[level: number\]>\('set_priority'\)/);
  assert.match(file('workflows.ts'), /PositionalApprovalWorkflow\(\s*requestId: string,\s*maxAmount\?: Money,/);
  assert.match(file('workflows.ts'), /continueAsNew<typeof PositionalApprovalWorkflow>\(requestId, maxAmount, \{ notes \}\)/);
});

test('a positional input field named like a variable is refused: it would redeclare the parameter', async () => {
  const variables = [...(golden.variables as object[]), { name: 'requestId', type: 'string', initial: '""' }];
  const result = await compileDesign({ ...golden, variables });
  const collision = result.diagnostics.find((d) => d.code === 'name.collision');
  assert.ok(collision, JSON.stringify(result.diagnostics));
  assert.equal(collision.field, 'input.0.name');
  const asRecord = await compileDesign({ ...golden, variables, inputArguments: 'record' });
  assert.equal(asRecord.diagnostics.some((d) => d.code === 'name.collision'), false);
});

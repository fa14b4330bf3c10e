import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import { addNoteUpdatePayload, approveSignalPayload, inputPayload } from './__golden__/wire-names/payload-checks';
import type { StepTracker } from './__golden__/wire-names/step-tracking';
import { identifierOf, isRenamed, messageConstName } from './names';
import { compileDesign } from './pipeline';
import type { Design, HandlerNode } from './schema/design';
import { goldenDesign } from './testing/fixtures';
import { validateDesign } from './validate';
import { typecheckInMemory } from './verify/in-memory';

/**
 * Wire names (codegen/names.ts): a message's or field's `name` is what clients send; generated
 * code reads it under a camelCase identifier and payload-checks.ts maps between the two. The
 * generated checks are run as generated: the committed golden copy of __golden__/wire-names.
 */

test('a snake_case wire name is read under its camelCase identifier; a camelCase name is its own', () => {
  assert.equal(identifierOf('approver_name'), 'approverName');
  assert.equal(identifierOf('card_token'), 'cardToken');
  assert.equal(identifierOf('get_status'), 'getStatus');
  assert.equal(identifierOf('MAX_COUNT'), 'maxCount');
  assert.equal(identifierOf('item2_id'), 'item2Id');
  for (const same of ['approverName', 'approve', 'addItem', '_private', 'x', 'Amount']) {
    assert.equal(identifierOf(same), same);
    assert.equal(isRenamed(same), false);
  }
  assert.equal(messageConstName('add_item', 'update'), 'addItemUpdate');
  assert.equal(messageConstName('addItem', 'update'), 'addItemUpdate');
});

function withApprove(change: (node: Extract<HandlerNode, { type: 'signal' }>) => void): Design {
  const design = goldenDesign('wire-names');
  const approve = design.nodes.find((n) => n.id === 'approve');
  assert.ok(approve?.type === 'signal');
  change(approve);
  return design;
}

test('the snake_case design validates, expressions reading the identifiers', () => {
  assert.deepEqual(validateDesign(goldenDesign('wire-names')).diagnostics.filter((d) => d.severity === 'error'), []);
});

test('two fields whose wire names become one identifier are a collision naming the node and both fields', () => {
  const design = withApprove((node) => node.parameters.push({ name: 'approverName', type: 'string' }));
  const [collision] = validateDesign(design).diagnostics.filter((d) => d.code === 'name.collision');
  assert.ok(collision, 'a name.collision diagnostic');
  assert.equal(collision.nodeId, 'approve');
  assert.equal(collision.field, 'parameters.1.name');
  assert.match(collision.message, /"approver_name" and "approverName" would both be "approverName" in code/);
});

test('two messages whose wire names become one identifier are a collision', () => {
  const design = goldenDesign('wire-names');
  design.nodes.push({ id: 'approve-2', type: 'signal', label: 'Approve again', name: 'Approve_', parameters: [], assignments: [], position: { x: 0, y: 0 } });
  const renamed = design.nodes.find((n) => n.id === 'add-note');
  assert.ok(renamed?.type === 'update');
  design.nodes.push({ ...renamed, id: 'add-note-2', name: 'addNote' });
  const collision = validateDesign(design).diagnostics.find((d) => d.code === 'name.collision' && d.nodeId === 'add-note-2');
  assert.ok(collision, 'a name.collision diagnostic on the second update');
  assert.equal(collision.field, 'name');
  assert.match(collision.message, /\("addNote"\) and .* \("add_note"\) would both be "addNote" in code/);
});

test('a wire name whose identifier the generated code uses itself is invalid, saying which identifier', () => {
  const design = withApprove((node) => {
    node.parameters = [{ name: 'wire_input', type: 'string' }];
    node.assignments = [];
  });
  const invalid = validateDesign(design).diagnostics.find((d) => d.code === 'name.invalid');
  assert.ok(invalid);
  assert.equal(invalid.nodeId, 'approve');
  assert.equal(invalid.field, 'parameters.0.name');
  assert.match(invalid.message, /"wire_input" is read as "wireInput" in code, which is used by the generated code itself/);
});

function refusal(run: () => void): ApplicationFailure {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ApplicationFailure, `an ApplicationFailure, not ${String(error)}`);
    return error;
  }
  assert.fail('the payload was accepted');
}

test('payload checks read wire keys and return the fields under their identifiers', () => {
  const wire = { request_id: 'R-1' };
  inputPayload.check(wire);
  assert.deepEqual(inputPayload.read(wire), { requestId: 'R-1', maxAmount: '0' });
  assert.deepEqual(approveSignalPayload.read({ approver_name: 'Alice' }), { approverName: 'Alice' });
  // An update handler reads again on replay without its validator: read() fills in on its own.
  assert.deepEqual(addNoteUpdatePayload.read({ note_text: 'hi' }), { noteText: 'hi', isUrgent: false });
});

test('refusals name the WIRE field the client sent, never the identifier', () => {
  const missing = refusal(() => approveSignalPayload.check({}));
  assert.deepEqual(missing.details, [{ field: 'approver_name' }]);
  assert.match(missing.message, /^Field "approver_name" of the arguments of signal "approve" is required$/);

  const camel = refusal(() => approveSignalPayload.check({ approverName: 'Alice' }));
  assert.deepEqual(camel.details, [{ field: 'approverName' }]);
  assert.match(camel.message, /Unknown field "approverName" in the arguments of signal "approve" \(expected approver_name\)/);

  const wrongType = refusal(() => addNoteUpdatePayload.check({ note_text: 'x', is_urgent: 'yes' }));
  assert.deepEqual(wrongType.details, [{ field: 'is_urgent' }]);
  assert.match(wrongType.message, /Field "is_urgent" of the arguments of update "add_note" must be a boolean, got string "yes"/);

  const input = refusal(() => inputPayload.check({ request_id: 'R-1', max_amount: 12.5 }));
  assert.match(input.message, /Field "max_amount" of the workflow input must be an amount of money/);
});

test('a signal under camelCase keys is refused (not applied as empty), naming the field', () => {
  const refused: string[] = [];
  const tracker = { refuse: (name: string, message: string) => refused.push(`${name}: ${message}`) } as unknown as StepTracker;
  // log.warn needs a workflow context; outside one, the refusal is still recorded before it would log.
  assert.throws(() => approveSignalPayload.accepts({ approverName: 'Alice' }, tracker), /workflow context/i);
  assert.equal(approveSignalPayload.accepts({ approver_name: 'Alice' }, tracker), true);
  assert.deepEqual(refused, ['approve: Unknown field "approverName" in the arguments of signal "approve" (expected approver_name)']);
});

test('continue-as-new hands the next run the input under its wire names, and the code type-checks', async () => {
  const design = goldenDesign('continue-as-new');
  design.input = [{ name: 'history_limit', type: 'number', required: true }];
  // Its expressions keep reading input.historyLimit: the identifier of history_limit.
  const result = await compileDesign(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const workflow = result.files.find((f) => f.path === 'workflows.ts')!.contents;
  assert.match(workflow, /inputPayload\.check\(wireInput\);\n\s+const input = inputPayload\.read\(wireInput\);/);
  assert.match(workflow, /continueAsNew<typeof \w+>\(wireInput, /);
  assert.match(workflow, /input\.historyLimit/);
  assert.deepEqual(typecheckInMemory([{ files: result.files }])[0]!.map((d) => d.message), []);
});

test('handlers that run under the mutex (an activity, then state) read their mapped arguments too', async () => {
  const design = withApprove((node) => {
    node.activity = { activity: 'log', args: { message: '"approved by " + args.approverName' } };
  });
  const addNote = design.nodes.find((n) => n.id === 'add-note');
  assert.ok(addNote?.type === 'update');
  addNote.activity = { activity: 'log', args: { message: 'args.noteText' } };
  const result = await compileDesign(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const workflow = result.files.find((f) => f.path === 'workflows.ts')!.contents;
  assert.match(workflow, /\(wireArgs\) =>\s+mutex\.runExclusive\(async \(\) => \{\s+if \(!approveSignalPayload\.accepts\(wireArgs, stepTracker\)\) return;\s+const args = approveSignalPayload\.read\(wireArgs\);/);
  assert.match(workflow, /mutex\.runExclusive\(async \(\) => \{\s+const args = addNoteUpdatePayload\.read\(wireArgs\);/);
  assert.deepEqual(typecheckInMemory([{ files: result.files }])[0]!.map((d) => d.message), []);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compileDesign } from '@/codegen';
import { DesignSchema, type Design } from '@/codegen/design';
import { renameInExpression, renameInMessage, renameVariable, variableUsages } from './variables';

const approval: Design = DesignSchema.parse(JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')));

test('renaming in an expression touches name tokens only: not properties, strings or longer names', () => {
  assert.equal(renameInExpression('decided && !decidedLate', 'decided', 'done'), 'done && !decidedLate');
  assert.equal(renameInExpression('"decided" + decided', 'decided', 'done'), '"decided" + done');
  // Record keys are what clients read; f-string parts are expressions; an item name is not the variable's.
  assert.equal(renameInExpression('{total: total, n: len(x), c: a ? total : 0}', 'total', 'sum'), '{total: sum, n: len(x), c: a ? sum : 0}');
  assert.equal(renameInExpression('f"Order {total} of {{total}} and {f"{total}"}"', 'total', 'amount'), 'f"Order {amount} of {{total}} and {f"{amount}"}"');
  assert.equal(renameInExpression('args.decided || input.decided', 'decided', 'done'), 'args.decided || input.decided');
  assert.equal(renameInExpression('decided ? (decided) : x', 'decided', 'done'), 'done ? (done) : x');
  assert.equal(renameInExpression('decided &&', 'decided', 'done'), 'done &&'); // lexes, does not parse: still renamed
  assert.equal(renameInExpression('decided = 1 [', 'decided', 'done'), 'decided = 1 ['); // does not lex: untouched
});

test('renaming a variable updates its declaration, assignments and every expression, and still compiles', async () => {
  const renamed = renameVariable(approval, 'approverName', 'approver');
  assert.ok(renamed.variables.some((v) => v.name === 'approver'));
  assert.ok(!renamed.variables.some((v) => v.name === 'approverName'));
  assert.deepEqual(variableUsages(renamed, 'approverName'), []);
  const text = JSON.stringify(renamed);
  assert.match(text, /"variable":"approver","value":"args.approverName"/, 'the signal parameter keeps its name');
  assert.match(text, /\\"Request approved by \\" \+ approver"/);
  const result = await compileDesign(renamed);
  assert.deepEqual(result.diagnostics, []);
});

test("a validator's message: only its {…} parts are renamed and count as usages", async () => {
  assert.equal(renameInMessage('decided {decided} {{decided}} {len(str(decided))}', 'decided', 'done'), 'decided {done} {{decided}} {len(str(done))}');
  assert.equal(renameInMessage('Already decided', 'decided', 'done'), 'Already decided');
  const design = structuredClone(approval);
  const update = design.nodes.find((n) => n.id === 'add-comment');
  if (update?.type !== 'update') throw new Error('the approval example has its add-comment update');
  update.validators[0]!.message = 'Decided already ({decided}); comment by {approverName}';
  assert.ok(variableUsages(design, 'approverName').some((u) => u.nodeId === 'add-comment' && u.field === 'validators.0.message'));
  const renamed = renameVariable(design, 'approverName', 'approver');
  const message = renamed.nodes.find((n) => n.id === 'add-comment');
  assert.equal(message?.type === 'update' ? message.validators[0]!.message : '', 'Decided already ({decided}); comment by {approver}');
  assert.deepEqual((await compileDesign(renamed)).diagnostics.filter((d) => d.severity === 'error'), []);
});

test('usages name the node and field of every read and write', () => {
  const usages = variableUsages(approval, 'decided');
  const where = usages.map((u) => `${u.nodeId ?? ''}:${u.field}`).sort();
  assert.deepEqual(where, [
    'add-comment:validators.0.condition',
    'approve:assignments.3.variable',
    'await-approval:condition',
    'status:returns',
  ]);
  assert.deepEqual(variableUsages(approval, 'nothing'), []);
});

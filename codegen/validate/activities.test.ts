import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDesign } from '../parse';
import type { Diagnostic } from '../diagnostics';
import type { CustomActivity, Design, NodeOfType } from '../schema/design';
import { goldenDesign } from '../testing/fixtures';
import { findDiagnostic } from '../testing/lookup';
import { validateDesign } from './index';

/** Custom activities: declared in the design, called from nodes, every finding located on the activity or the node. */
function diagnose(edit: (design: Design) => void): Diagnostic[] {
  const design = goldenDesign('custom-activity');
  edit(design);
  return validateDesign(design).diagnostics;
}

function activity(design: Design, name: string): CustomActivity {
  const found = design.activities?.find((a) => a.name === name);
  if (!found) throw new Error(`no custom activity ${name}`);
  return found;
}

function activityNode(design: Design, id: string): NodeOfType<'activity'> {
  const found = design.nodes.find((n) => n.id === id);
  if (found?.type !== 'activity') throw new Error(`no activity node ${id}`);
  return found;
}

test('the custom-activity design parses and validates without findings', () => {
  const parsed = parseDesign(goldenDesign('custom-activity'));
  assert.ok(parsed.ok);
  assert.deepEqual(validateDesign(parsed.design).diagnostics, []);
});

test('a node calling an activity that is neither built-in nor declared is refused on that node', () => {
  const d = findDiagnostic(diagnose((x) => (activityNode(x, 'discount').activity = 'computeDiscont')), 'activity.unknown');
  assert.equal(d.nodeId, 'discount');
  assert.equal(d.field, 'activity');
  assert.match(d.message, /"computeDiscont", which is neither a built-in nor a custom activity.*computeDiscount/);
});

test('arguments are type-checked against the declared parameters', () => {
  const d = findDiagnostic(diagnose((x) => (activityNode(x, 'discount').args.loyaltyYears = 'input.orderId')), 'expression.invalid');
  assert.equal(d.nodeId, 'discount');
  assert.equal(d.field, 'args.loyaltyYears');
  assert.match(d.message, /number/);
});

test('missing and extra arguments are named with the parameter', () => {
  const diagnostics = diagnose((x) => {
    const node = activityNode(x, 'discount');
    delete node.args.total;
    node.args.rebate = '1';
  });
  const missing = findDiagnostic(diagnostics, 'activity.missing-argument');
  assert.equal(missing.field, 'args.total');
  assert.match(missing.message, /needs a value for "total".*computeDiscount custom activity/);
  const extra = findDiagnostic(diagnostics, 'activity.unknown-argument');
  assert.equal(extra.field, 'args.rebate');
  assert.match(extra.message, /computeDiscount custom activity has no parameter "rebate"/);
});

test("the result must fit the variable it is stored in", () => {
  const d = findDiagnostic(diagnose((x) => (activityNode(x, 'discount').activity = 'archiveQuote')), 'activity.no-result');
  assert.equal(d.field, 'resultVariable');
  const typed = findDiagnostic(
    diagnose((x) => (activity(x, 'computeDiscount').result = { type: 'number' })),
    'activity.result-type',
  );
  assert.match(typed.message, /returns a number, but "discount" is a money/);
});

test('names: built-ins, reserved words, duplicates and names of the generated module are refused on the activity', () => {
  const builtin = findDiagnostic(diagnose((x) => (activity(x, 'archiveQuote').name = 'http')), 'activity.name-clash');
  assert.deepEqual([builtin.activity, builtin.field], ['http', 'name']);
  assert.match(builtin.message, /name of a built-in activity/);
  const reserved = findDiagnostic(diagnose((x) => (activity(x, 'archiveQuote').name = 'delete')), 'name.invalid');
  assert.match(reserved.message, /reserved word/);
  const duplicate = findDiagnostic(diagnose((x) => (activity(x, 'archiveQuote').name = 'computeDiscount')), 'name.duplicate');
  assert.equal(duplicate.activity, 'computeDiscount');
  const variable = findDiagnostic(diagnose((x) => (activity(x, 'archiveQuote').name = 'discount')), 'activity.name-clash');
  assert.match(variable.message, /would generate "discount", which is already used by a variable/);
  const invalid = findDiagnostic(diagnose((x) => (activity(x, 'archiveQuote').name = 'archive quote')), 'name.invalid');
  assert.match(invalid.message, /try "archiveQuote"/);
});

test('parameter names must be identifiers and unique', () => {
  const diagnostics = diagnose((x) => {
    activity(x, 'computeDiscount').parameters.push({ name: 'total', type: 'string' }, { name: '2nd', type: 'string' });
  });
  assert.equal(findDiagnostic(diagnostics, 'name.duplicate').field, 'parameters.2.name');
  assert.equal(findDiagnostic(diagnostics, 'name.invalid').field, 'parameters.3.name');
});

test('an activity without code is refused', () => {
  const d = findDiagnostic(diagnose((x) => (activity(x, 'archiveQuote').source = '  \n')), 'activity.empty-source');
  assert.deepEqual([d.activity, d.field], ['archiveQuote', 'source']);
});

test('a handler can run a custom activity too', () => {
  const diagnostics = diagnose((x) => {
    x.nodes.push({
      id: 'rescore', type: 'signal', label: 'Rescore', name: 'rescore', parameters: [{ name: 'years', type: 'number' }],
      activity: { activity: 'computeDiscount', args: { total: 'input.total', loyaltyYears: 'args.years' }, resultVariable: 'discount' },
      assignments: [], position: { x: 300, y: 0 },
    });
  });
  assert.deepEqual(diagnostics, []);
});

test('a schema problem in a custom activity is located on it', () => {
  const design = goldenDesign('custom-activity') as unknown as { activities: { source: unknown }[] };
  design.activities[1]!.source = 42;
  const parsed = parseDesign(design);
  assert.ok(!parsed.ok);
  assert.deepEqual([parsed.diagnostics[0]!.activity, parsed.diagnostics[0]!.field], ['archiveQuote', 'source']);
  assert.match(parsed.diagnostics[0]!.message, /^Custom activity "archiveQuote": "source" /);
});

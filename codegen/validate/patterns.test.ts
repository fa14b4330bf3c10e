import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../diagnostics';
import type { Design } from '../schema/design';
import { goldenDesign } from '../testing/fixtures';
import { findDiagnostic, nodeById } from '../testing/lookup';
import { validateDesign } from './index';

/** Diagnostics for the chapter's patterns: money and lists, handler effects, continue-as-new, growth. */
function diagnose(name: string, edit: (design: Design) => void): Diagnostic[] {
  const design = goldenDesign(name);
  edit(design);
  return validateDesign(design).diagnostics;
}

test('the order, cart, progress and continue-as-new patterns are valid without warnings', () => {
  for (const name of ['order', 'shopping-cart', 'progress', 'continue-as-new']) {
    assert.deepEqual(validateDesign(goldenDesign(name)).diagnostics, [], name);
  }
});

test('money mixed with a float is an error at its position in the field', () => {
  const d = findDiagnostic(diagnose('order', (x) => (nodeById<'update'>(x, 'add-item').assignments[1].value = 'total + 1.5')), 'expression.invalid');
  assert.equal(d.nodeId, 'add-item');
  assert.equal(d.field, 'assignments.1.value');
  assert.deepEqual(d.range, { start: 6, end: 7 });
  assert.match(d.message, /^Update "Add item", value for total: Cannot add money and number at position 6; write amounts as money/);
});

test('appending the wrong item type to a list names the list item type', () => {
  const d = findDiagnostic(diagnose('shopping-cart', (x) => (nodeById<'signal'>(x, 'add-item').assignments[0].value = 'append(items, 3)')), 'expression.invalid');
  assert.equal(d.nodeId, 'add-item');
  assert.match(d.message, /Argument 2 of append must be a string \(an item of the list\), got number at position 14/);
});

test('a list that grows on every signal, without limit or continue-as-new, is a warning (6.5.5)', () => {
  const d = findDiagnostic(diagnose('shopping-cart', (x) => delete nodeById<'signal'>(x, 'add-item').when), 'list.unbounded');
  assert.equal(d.severity, 'warning');
  assert.equal(d.nodeId, 'add-item');
  assert.match(d.message, /appends to "items" on every message, without limit.*len\(items\) < 100/);
  const update = findDiagnostic(diagnose('shopping-cart', (x) => (nodeById<'update'>(x, 'add-to-cart').validators = [])), 'list.unbounded');
  assert.equal(update.nodeId, 'add-to-cart');
  assert.match(update.message, /Add a validator such as/);
});

test('continue-as-new may only carry declared variables', () => {
  const d = findDiagnostic(diagnose('continue-as-new', (x) => nodeById<'continueAsNew'>(x, 'fresh-run').carry.push('totl')), 'continueAsNew.unknown-variable');
  assert.equal(d.nodeId, 'fresh-run');
  assert.equal(d.field, 'carry.4');
  assert.match(d.message, /carries "totl", which is not a declared variable/);
});

test("a handler's activity result must go to a declared variable of the right type", () => {
  const wrong = diagnose('bank-account', (x) => {
    nodeById<'update'>(x, 'withdraw').activity = { activity: 'http', args: { method: '"POST"', url: '"http://bank"', body: '""' }, resultVariable: 'closed' };
  });
  assert.match(findDiagnostic(wrong, 'activity.result-type').message, /the http activity returns a string, but "closed" is a boolean/);
  const missing = diagnose('bank-account', (x) => (nodeById<'update'>(x, 'withdraw').activity = { activity: 'log', args: {} }));
  assert.equal(findDiagnostic(missing, 'activity.missing-argument').field, 'activity.args.message');
});

test('an update-with-wait condition is type-checked in the handler scope', () => {
  const d = findDiagnostic(diagnose('progress', (x) => (nodeById<'update'>(x, 'wait-progress').waitUntil = 'args.percnt > 1')), 'expression.invalid');
  assert.equal(d.field, 'waitUntil');
  assert.match(d.message, /did you mean 'percent'/);
});

test('record fields of a list become code, so they are checked like every other name', () => {
  const bad = diagnose('order', (x) => (x.variables[1].itemFields = [{ name: 'sku: string }; evil(); //', type: 'string' }]));
  const d = findDiagnostic(bad, 'name.invalid');
  assert.equal(d.field, 'variables.1.itemFields.0.name');
  assert.match(d.message, /Variable "items": item field name .* must start with a letter/);
  assert.equal(findDiagnostic(diagnose('order', (x) => (x.variables[1].itemFields = [])), 'list.no-item-fields').field, 'variables.1.itemFields');
});

test('a child saved with a typed task queue (before designs were named) gets the drawn queue; an invalid queue expression is named', async () => {
  const { compileDesign } = await import('../pipeline');
  const typedQueue = (queue: string) => (x: Design) => {
    const child = nodeById<'childWorkflow'>(x, 'start-worker');
    child.workflowType = child.design;
    delete child.design;
    child.taskQueue = queue;
  };
  const design = goldenDesign('orchestrator');
  typedQueue('"workers-" + str(input.workers)')(design);
  const result = await compileDesign(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  assert.match(result.files.find((f) => f.path === 'workflows.ts')?.contents ?? '', /taskQueue: 'workers-' \+ String\(input\.workers\),/);
  const d = findDiagnostic(diagnose('orchestrator', typedQueue('input.workers')), 'expression.invalid');
  assert.equal(d.field, 'taskQueue');
});

test('an update that waits for something nothing changes is an error on its "wait until"', () => {
  const d = findDiagnostic(diagnose('progress', (x) => (nodeById<'update'>(x, 'wait-progress').waitUntil = 'args.percent > 50')), 'wait.unsatisfiable');
  assert.equal(d.nodeId, 'wait-progress');
  assert.equal(d.field, 'waitUntil');
  assert.match(d.message, /would wait forever: it reads no variable/);
});

test('found by the property test: unread input, literal comparisons and forbidden field names', async () => {
  const { compileDesign } = await import('../pipeline');
  const unread = goldenDesign('shopping-cart');
  unread.input = [{ name: 'customerId', type: 'string' }];
  const result = await compileDesign(unread);
  // The input no design step reads is still checked at the door, so it is read (no unused parameter).
  assert.match(result.files.find((f) => f.path === 'workflows.ts')?.contents ?? '', /ShoppingCartWorkflow\(input: ShoppingCartWorkflowInput\)[^]*inputPayload\.check\(input\)/);

  const literal = goldenDesign('shopping-cart');
  nodeById<'wait'>(literal, 'await-checkout').condition = 'checkedOut || "a" == "b"';
  const folded = await compileDesign(literal);
  assert.match(folded.files.find((f) => f.path === 'workflows.ts')?.contents ?? '', /condition\(\(\) => checkedOut \|\| false, '1 day'\)/);

  const forbidden = diagnose('shopping-cart', (x) => {
    nodeById<'signal'>(x, 'checkout').parameters = [{ name: 'constructor', type: 'boolean' }];
    nodeById<'signal'>(x, 'checkout').assignments = [{ variable: 'checkedOut', value: 'args.constructor' }];
  });
  assert.equal(findDiagnostic(forbidden, 'name.invalid').nodeId, 'checkout');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeExpression, syntaxError } from './expression-assist';
import { isExpressionPath } from './expression-fields';

const scope = {
  variables: [{ name: 'approved', type: 'boolean' }, { name: 'approverName', type: 'string' }],
  input: [{ name: 'requestId', type: 'string' }],
  args: [{ name: 'comment', type: 'string' }],
};

test('completion offers variables, then input fields after "input." and parameters after "args."', () => {
  const plain = completeExpression('decided && appr', scope)!;
  assert.equal(plain.from, 11);
  assert.ok(plain.options.some((o) => o.label === 'approverName' && o.type === 'variable'));
  assert.ok(plain.options.some((o) => o.label === 'len' && o.type === 'function'));
  assert.deepEqual(completeExpression('"x" + input.req', scope), { from: 12, options: [{ label: 'requestId', type: 'property', detail: 'string' }] });
  assert.deepEqual(completeExpression('args.', scope)!.options.map((o) => o.label), ['comment']);
  assert.ok(!completeExpression('x', { ...scope, args: undefined })!.options.some((o) => o.label === 'args'));
});

test('completion knows the list, money, clock and record functions, with how to call each, and completes inside [ and {', () => {
  const options = completeExpression('su', scope)!.options;
  const detail = (label: string) => options.find((o) => o.label === label && o.type === 'function')?.detail;
  assert.equal(detail('sum'), 'sum(list) or sum(list, item => amount) → number or money');
  assert.equal(detail('filter'), 'filter(list, item => condition) → list');
  for (const f of ['map', 'count', 'any', 'all', 'formatMoney', 'now', 'secondsBetween', 'addSeconds']) assert.ok(detail(f), f);
  assert.ok(completeExpression('{total: ', scope)!.options.some((o) => o.label === 'approved'));
  assert.ok(completeExpression('[', scope)!.options.some((o) => o.label === 'approved'));
  assert.equal(syntaxError('{items: len(x), total: sum(x, item => item.price)}'), null);
  assert.equal(syntaxError('f"Item {args.sku} already in cart"'), null);
});

test('syntax errors carry their exact position', () => {
  const early = syntaxError('approved && ')!;
  assert.equal(early.from, 12);
  assert.match(early.message, /ends too early/);
  const err = syntaxError('approved = true')!;
  assert.equal(err.from, 9);
  assert.match(err.message, /==/);
  assert.equal(syntaxError('approved == true'), null);
  assert.equal(syntaxError('  '), null);
});

test('expression fields are recognised by path', () => {
  for (const p of ['condition', 'branches.0.condition', 'assignments.2.value', 'result', 'returns', 'variables.1.initial', 'args.message', 'activity.args.url', 'when', 'waitUntil']) {
    assert.ok(isExpressionPath(p), p);
  }
  for (const p of ['name', 'label', 'variables.1.name', 'description', 'timeout.amount']) assert.ok(!isExpressionPath(p), p);
});

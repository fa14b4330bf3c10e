import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Field, HandlerNode } from '@/codegen/design';
import { conditionInWords, fieldTypeLabel, validatorRules } from './message-rules';

const text = (name: string): Field => ({ name, type: 'string' });

test('the usual validator shapes are said in words', () => {
  const params = [text('cardToken'), text('text'), { name: 'items', type: 'list' } as Field];
  assert.equal(conditionInWords('len(args.cardToken) >= 10', params), 'cardToken has at least 10 characters');
  assert.equal(conditionInWords('len(trim(args.text)) > 0', params), 'text is not blank');
  assert.equal(conditionInWords('len(trim(args.text)) >= 3', params), 'text (trimmed) has at least 3 characters');
  assert.equal(conditionInWords('len(items) < 50', params), 'items has fewer than 50 items');
  assert.equal(conditionInWords('status == "pending"'), 'status is "pending"');
  assert.equal(conditionInWords('!decided'), 'decided is false');
  assert.equal(conditionInWords('args.amount > money("0")'), 'amount is more than 0');
  assert.equal(conditionInWords('args.percent > 0 && args.percent <= 100'), 'percent is more than 0 and percent is at most 100');
});

test('a condition we cannot say plainly gives null (the form shows the expression instead)', () => {
  assert.equal(conditionInWords('balance >= args.amount * 2'), null);
  assert.equal(conditionInWords('contains(handled, args.id) || x'), null);
  assert.equal(conditionInWords('len(args.x) >'), null);
});

test('an update lists its validator rules with message, condition and words; signals have none', () => {
  const update = {
    id: 'u', type: 'update', label: 'Pay', name: 'pay', position: { x: 0, y: 0 }, parameters: [text('cardToken')],
    validators: [{ condition: 'len(args.cardToken) >= 10', message: 'Invalid card token' }], assignments: [],
  } as unknown as HandlerNode;
  assert.deepEqual(validatorRules(update), [{ message: 'Invalid card token', condition: 'len(args.cardToken) >= 10', words: 'cardToken has at least 10 characters' }]);
  assert.deepEqual(validatorRules({ ...update, type: 'signal' } as unknown as HandlerNode), []);
});

test('field types read as an operator would say them', () => {
  assert.equal(fieldTypeLabel({ type: 'string' }), 'text');
  assert.equal(fieldTypeLabel({ type: 'money' }), 'money (exact decimal)');
  assert.equal(fieldTypeLabel({ type: 'list', items: 'number' }), 'list of numbers');
  assert.equal(fieldTypeLabel({ type: 'list' }), 'list of texts');
  assert.equal(fieldTypeLabel({ type: 'list', items: 'object', itemFields: [{ name: 'sku', type: 'string' }, { name: 'price', type: 'money' }] }), 'list of {sku: text, price: money}');
});

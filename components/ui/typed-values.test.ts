import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Field } from '@/codegen/design';
import { coerceValues } from './typed-values';

const fields: Field[] = [
  { name: 'amount', type: 'money', required: true },
  { name: 'skus', type: 'list', items: 'string' },
  { name: 'counts', type: 'list', items: 'number' },
  { name: 'items', type: 'list', items: 'object', itemFields: [{ name: 'sku', type: 'string' }] },
];

test('money stays exact text, lists are read one item per line or as JSON', () => {
  assert.deepEqual(coerceValues(fields, { amount: ' 1299.99 ', skus: 'a\n\nb\n', counts: '1\n2.5', items: '[{"sku":"x"}]' }), {
    value: { amount: '1299.99', skus: ['a', 'b'], counts: [1, 2.5], items: [{ sku: 'x' }] },
  });
});

test('bad amounts and list items are named', () => {
  assert.deepEqual(coerceValues(fields, { amount: '12,50' }), { error: 'amount must be an amount such as 1299.99.' });
  assert.deepEqual(coerceValues(fields, { amount: '1', counts: '1\nx' }), { error: 'counts: line 2 is not a number' });
  assert.deepEqual(coerceValues(fields, { amount: '1', items: '{"sku":"x"}' }), { error: 'items: write a JSON array, e.g. [{"sku": "a"}]' });
  assert.deepEqual(coerceValues(fields, { amount: '' }), { error: 'amount is required.' });
});

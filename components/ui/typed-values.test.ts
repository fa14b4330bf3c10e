import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Field } from '@/codegen/design';
import { coerceValues, fieldErrors } from './typed-values';

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

test('amounts as typed in the locale: "1,500.00" (en), "1.500,00" (de), "1 500,00 €" (fr) all travel as "1500.00"', () => {
  const amountOnly: Field[] = [{ name: 'amount', type: 'money', label: 'Amount', required: true }, { name: 'nights', type: 'number' }];
  assert.deepEqual(coerceValues(amountOnly, { amount: '1,500.00', nights: '1,000' }, 'en-US'), { value: { amount: '1500.00', nights: 1000 } });
  assert.deepEqual(coerceValues(amountOnly, { amount: '1.500,00', nights: '2,5' }, 'de-DE'), { value: { amount: '1500.00', nights: 2.5 } });
  assert.deepEqual(coerceValues(amountOnly, { amount: '1 500,00 €', nights: '' }, 'fr-FR'), { value: { amount: '1500.00' } });
});

test('bad amounts and list items are named, in words', () => {
  const labelled: Field[] = [{ name: 'amount', type: 'money', label: 'Amount', required: true }];
  assert.deepEqual(coerceValues(labelled, { amount: 'lots' }, 'en-US'), { error: 'Amount: type an amount like 1,500.00.', field: 'amount' });
  assert.deepEqual(coerceValues(fields, { amount: '12,50' }, 'en-US'), {
    error: 'amount: type an amount like 1,500.00 — here "," separates thousands; write the decimals after ".".',
    field: 'amount',
  });
  assert.deepEqual(coerceValues(fields, { amount: '1', counts: '1\nx' }, 'en-US'), { error: 'counts: line 2: type a number like 1,500.00', field: 'counts' });
  assert.deepEqual(coerceValues(fields, { amount: '1', items: '{"sku":"x"}' }), { error: 'items: write a JSON array, e.g. [{"sku": "a"}]', field: 'items' });
  assert.deepEqual(coerceValues(fields, { amount: '' }), { error: 'amount: this is required.', field: 'amount' });
  assert.deepEqual(fieldErrors(fields, { amount: 'x', counts: 'y' }, 'en-US'), { amount: 'amount: type an amount like 1,500.00.', counts: 'counts: line 1: type a number like 1,500.00' });
});

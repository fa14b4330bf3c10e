import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Field } from '@/codegen/design';
import { coerceValues, fieldErrors, type FormField } from './typed-values';

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

test('dates as typed in the locale travel as ISO text; an impossible one is said in words under its label', () => {
  const due: FormField[] = [{ name: 'due', type: 'date', label: 'Due date', required: true }, { name: 'back', type: 'date' }];
  assert.deepEqual(coerceValues(due, { due: '24.12.2026', back: '' }, 'de-DE'), { value: { due: '2026-12-24' } });
  assert.deepEqual(coerceValues(due, { due: '12/24/2026', back: '1/2/2027' }, 'en-US'), { value: { due: '2026-12-24', back: '2027-01-02' } });
  assert.deepEqual(coerceValues(due, { due: '31/02/2026' }, 'en-GB'), { error: 'Due date: 31/02/2026 is not a date (February 2026 has 28 days).', field: 'due' });
  assert.deepEqual(fieldErrors(due, { due: '', back: 'soon' }, 'fr-FR'), {
    due: 'Due date: this is required.',
    back: 'back: soon is not a date: write it like 24/12/2026 or 2026-12-24.',
  });
});

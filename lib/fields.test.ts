import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Field } from '@/codegen/design';
import { InputError } from './errors';
import { checkFields } from './fields';

const fields: Field[] = [
  { name: 'approverName', type: 'string', required: true },
  { name: 'approved', type: 'boolean', required: true },
  { name: 'comment', type: 'string' },
  { name: 'amount', type: 'number', label: 'Amount' },
];

function fails(value: unknown, field: string | undefined, message: RegExp) {
  assert.throws(
    () => checkFields({ fields, value, what: 'the arguments of signal "approve"' }),
    (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.field, field);
      assert.match(error.message, message);
      return true;
    },
  );
}

test('valid values pass; missing optional fields get empty values', () => {
  assert.deepEqual(checkFields({ fields, value: { approverName: 'Ann', approved: true }, what: 'x' }), {
    approverName: 'Ann',
    approved: true,
    comment: '',
    amount: 0,
  });
  assert.deepEqual(checkFields({ fields, value: { approverName: 'Ann', approved: false, comment: 'no', amount: 2.5 }, what: 'x' }), {
    approverName: 'Ann',
    approved: false,
    comment: 'no',
    amount: 2.5,
  });
});

test('missing required, wrong type, unknown field and non-objects name the field', () => {
  fails({ approved: true }, 'approverName', /Field "approverName" of the arguments of signal "approve" is required/);
  fails({ approverName: 'Ann', approved: 'yes' }, 'approved', /must be a boolean, got string "yes"/);
  fails({ approverName: 'Ann', approved: true, amount: '3' }, 'amount', /"amount" \(Amount\).*must be a number/);
  fails({ approverName: 'Ann', approved: true, amount: Number.NaN }, 'amount', /must be a number/);
  fails({ approverName: 'Ann', approved: true, extra: 1 }, 'extra', /Unknown field "extra"/);
  fails([1], undefined, /must be an object/);
  fails('text', undefined, /must be an object/);
});

test('no fields: an empty object or nothing', () => {
  assert.deepEqual(checkFields({ fields: [], value: undefined, what: 'x' }), {});
  assert.deepEqual(checkFields({ fields: [], value: {}, what: 'x' }), {});
  assert.throws(() => checkFields({ fields: [], value: { a: 1 }, what: 'x' }), /it takes no fields/);
});

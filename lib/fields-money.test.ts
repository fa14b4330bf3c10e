/** The API's refusal of an amount it cannot take says so in words and names the field (never "must be a money, got string"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Field } from '@/codegen/design';
import { InputError } from './errors';
import { checkFields } from './fields';

const fields: Field[] = [{ name: 'amount', type: 'money', label: 'Amount', required: true }];

test('an amount typed with separators is refused with how to write it, naming the field', () => {
  assert.throws(
    () => checkFields({ fields, value: { amount: '1,500.00' }, what: 'input' }),
    (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.field, 'amount');
      assert.equal(error.message, 'Field "amount" (Amount) of input: write the amount like 1500.00 (digits with "." before the cents, no thousands separators or currency sign), not "1,500.00"');
      assert.doesNotMatch(error.message, /must be a money/);
      return true;
    },
  );
  assert.throws(() => checkFields({ fields, value: { amount: 1500 }, what: 'input' }), /write the amount like 1500\.00 .*not number 1500/);
  assert.deepEqual(checkFields({ fields, value: { amount: '1500.00' }, what: 'input' }), { amount: '1500.00' });
});

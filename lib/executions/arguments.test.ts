import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Field } from '@/codegen/design';
import { InputError } from '../errors';
import { travellingArgs } from './arguments';

/** Signalbox's own send paths pass a payload the way the design says it travels (one record, or one argument per field). */

const fields: Field[] = [
  { name: 'approver', type: 'string', required: true },
  { name: 'comment', type: 'string' },
];
const what = 'the arguments of signal "approve"';

test('a record message gets the checked record as its one argument; one without parameters gets none', () => {
  assert.deepEqual(travellingArgs({ fields, arguments: undefined, value: { approver: 'Alice' }, what }), [{ approver: 'Alice', comment: '' }]);
  assert.deepEqual(travellingArgs({ fields: [], arguments: 'positional', value: {}, what }), []);
});

test('a positional message gets one argument per field, in order, from the record or from a list', () => {
  assert.deepEqual(travellingArgs({ fields, arguments: 'positional', value: { comment: 'ok', approver: 'Alice' }, what }), ['Alice', 'ok']);
  assert.deepEqual(travellingArgs({ fields, arguments: 'positional', value: ['Alice'], what }), ['Alice', '']);
});

test('a positional list is checked like the record: a missing, mistyped or extra argument is a 400 naming it', () => {
  assert.throws(() => travellingArgs({ fields, arguments: 'positional', value: [], what }), (e: unknown) => e instanceof InputError && /Field "approver" of the arguments of signal "approve" is required/.test(e.message));
  assert.throws(() => travellingArgs({ fields, arguments: 'positional', value: [7], what }), (e: unknown) => e instanceof InputError && /"approver".* must be a string/.test(e.message));
  assert.throws(() => travellingArgs({ fields, arguments: 'positional', value: ['Alice', 'ok', 'x'], what }), (e: unknown) => e instanceof InputError && /Extra argument 3 in the arguments of signal "approve": it takes 2 \(approver, comment\)/.test(e.message));
  // A list for a record message is refused as before.
  assert.throws(() => travellingArgs({ fields, arguments: 'record', value: ['Alice'], what }), InputError);
});

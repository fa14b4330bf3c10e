import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callShape } from './ArgumentsChoice';

/** The inspector's "Arguments" choice shows the call a client makes with the message's fields. */
test('one record reads as an object of the wire names; separate values as positional arguments', () => {
  const fields = [{ name: 'approver' }, { name: 'comment' }];
  assert.equal(callShape('approve', fields, 'record'), 'approve({ approver, comment })');
  assert.equal(callShape('approve', fields, 'positional'), 'approve(approver, comment)');
  assert.equal(callShape('', [{ name: '' }], 'positional'), '…(…)');
});

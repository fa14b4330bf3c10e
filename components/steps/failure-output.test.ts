import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceHandles } from '../flow/handles';

/** The canvas offers exactly the outputs validation requires: "on failure" only when the node has it. */
test('an activity or a waited-for child with onFailure offers a "failure" handle beside "next"', () => {
  assert.deepEqual(sourceHandles({ type: 'activity', onFailure: true }), ['next', 'failure']);
  assert.deepEqual(sourceHandles({ type: 'activity' }), ['next']);
  assert.deepEqual(sourceHandles({ type: 'childWorkflow', waitForResult: true, onFailure: true }), ['next', 'failure']);
});

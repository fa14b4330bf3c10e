import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeExpression } from '@/lib/designs/expression-assist';
import { sourceHandles } from '../flow/handles';

/** The canvas offers exactly the outputs validation requires: "on failure" only when the node has it. */
test('an activity or a waited-for child with onFailure offers a "failure" handle beside "next"', () => {
  assert.deepEqual(sourceHandles({ type: 'activity', onFailure: true }), ['next', 'failure']);
  assert.deepEqual(sourceHandles({ type: 'activity' }), ['next']);
  assert.deepEqual(sourceHandles({ type: 'childWorkflow', waitForResult: true, onFailure: true }), ['next', 'failure']);
});

test('on a failure path, expression completion offers failure and its type and message; elsewhere not', () => {
  const scope = { variables: [], input: [] };
  assert.deepEqual(completeExpression('failure.', { ...scope, failure: true })?.options.map((o) => o.label), ['type', 'message']);
  assert.ok(completeExpression('fa', { ...scope, failure: true })?.options.some((o) => o.label === 'failure'));
  assert.ok(!completeExpression('fa', scope)?.options.some((o) => o.label === 'failure'));
  assert.deepEqual(completeExpression('failure.', scope)?.options, []);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DesignSchema, type Design } from '@/codegen/design';
import { checkConnection, checkDrag, isValidConnection } from './connection';
import { designToFlow } from './convert';

const approval: Design = DesignSchema.parse(
  JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')),
);
const graph = designToFlow(approval);

/** The reason a drag from `source`'s output to `target` is refused, or "ok". */
function verdict(source: string, target: string, { sourceHandle = 'next', targetHandle = 'in' } = {}): string {
  const v = checkConnection({ source, target, sourceHandle, targetHandle }, graph);
  return v.ok ? 'ok' : v.reason;
}

test('flow step → flow step and signal/update → wait are accepted', () => {
  assert.equal(verdict('is-approved', 'end-timed-out', { sourceHandle: 'yes' }), 'ok');
  assert.equal(verdict('add-comment', 'await-approval', { sourceHandle: 'out', targetHandle: 'messages' }), 'ok');
});

test('every refusal names its reason', () => {
  assert.equal(verdict('end-approved', 'start'), 'Start has no inputs');
  assert.equal(verdict('await-approval', 'await-approval', { sourceHandle: 'met' }), 'A step cannot connect to itself');
  assert.equal(
    verdict('await-approval', 'approve', { sourceHandle: 'met' }),
    'Nothing flows into a message handler: handlers are triggered by messages',
  );
  assert.equal(
    verdict('status', 'await-approval', { sourceHandle: 'out', targetHandle: 'messages' }),
    'Queries cannot satisfy a wait: they never change state',
  );
  assert.equal(verdict('approve', 'is-approved', { sourceHandle: 'out' }), 'A signal or update connects only to a Wait');
  assert.equal(
    verdict('start', 'await-approval', { targetHandle: 'messages' }),
    'The messages port of a wait takes only signal/update edges',
  );
  assert.equal(verdict('missing', 'await-approval'), 'That step no longer exists');
});

test('the same output to the same step twice is refused; the stored default output counts as "next"', () => {
  assert.equal(verdict('start', 'await-approval'), 'Already connected');
  assert.equal(verdict('is-approved', 'end-approved', { sourceHandle: 'yes' }), 'Already connected');
  assert.equal(verdict('approve', 'await-approval', { sourceHandle: 'out', targetHandle: 'messages' }), 'Already connected');
  // Another output of the same decision may lead to the same step.
  assert.equal(verdict('is-approved', 'end-approved', { sourceHandle: 'else' }), 'ok');
});

test('isValidConnection is the yes/no form of the same rules', () => {
  assert.equal(isValidConnection({ source: 'end-approved', target: 'start', sourceHandle: null, targetHandle: 'in' }, graph), false);
  assert.equal(isValidConnection({ source: 'is-approved', target: 'end-timed-out', sourceHandle: 'yes', targetHandle: 'in' }, graph), true);
});

test('a drag is judged the same whichever end it starts from', () => {
  const out = { nodeId: 'end-approved', id: null, type: 'source' } as const;
  const startInput = { nodeId: 'start', id: 'in', type: 'target' } as const;
  assert.deepEqual(checkDrag(out, startInput, graph), { ok: false, reason: 'Start has no inputs' });
  assert.deepEqual(checkDrag(startInput, out, graph), { ok: false, reason: 'Start has no inputs' });
  const yes = { nodeId: 'is-approved', id: 'yes', type: 'source' } as const;
  assert.deepEqual(checkDrag({ nodeId: 'end-timed-out', id: 'in', type: 'target' }, yes, graph), { ok: true });
  assert.deepEqual(checkDrag(yes, { nodeId: 'start', id: 'next', type: 'source' }, graph), {
    ok: false,
    reason: 'Connect an output to an input',
  });
});

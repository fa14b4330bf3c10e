import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyEnd, nodeAt, verdictOnBody } from './drop-target';

const graph = {
  nodes: [
    { id: 'sig', type: 'signal', data: {} },
    { id: 'w', type: 'wait', data: {} },
    { id: 'end', type: 'end', data: {} },
  ],
};

test("dropped on a step's body, a connection is meant for its input (a handler's for a wait's messages port)", () => {
  assert.deepEqual(bodyEnd('end', { nodeId: 'w', id: 'met', type: 'source' }, graph), { nodeId: 'end', id: 'in', type: 'target' });
  assert.deepEqual(bodyEnd('end', { nodeId: 'sig', id: 'out', type: 'source' }, graph), { nodeId: 'end', id: 'messages', type: 'target' });
  assert.deepEqual(bodyEnd('w', { nodeId: 'end', id: 'in', type: 'target' }, graph), { nodeId: 'w', id: 'met', type: 'source' });
  assert.equal(bodyEnd('end', { nodeId: 'w', id: 'in', type: 'target' }, graph), null, 'End has no output');
});

test('the node under the pointer is the topmost one whose box holds it', () => {
  const boxes = [
    { id: 'a', x: 0, y: 0, width: 100, height: 50 },
    { id: 'b', x: 50, y: 20, width: 100, height: 50 },
  ];
  assert.equal(nodeAt({ x: 10, y: 10 }, boxes), 'a');
  assert.equal(nodeAt({ x: 60, y: 30 }, boxes), 'b');
  assert.equal(nodeAt({ x: 500, y: 500 }, boxes), null);
});

test("a signal dropped on End's body is refused with the reason a drag onto its handle gives", () => {
  const verdict = verdictOnBody('end', { nodeId: 'sig', id: 'out', type: 'source' }, { ...graph, edges: [] });
  assert.deepEqual(verdict, { ok: false, reason: 'A signal or update connects only to a Wait' });
  assert.deepEqual(verdictOnBody('w', { nodeId: 'sig', id: 'out', type: 'source' }, { ...graph, edges: [] }), { ok: true });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DesignSchema, type Design } from '@/codegen/design';
import { designToFlow } from '../convert';
import { freeHandlerName, handlerNameProblem, handlerUsages, newHandlerPosition } from './handlers';

const approval: Design = DesignSchema.parse(JSON.parse(readFileSync(new URL('../../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')));
const { nodes, edges } = designToFlow(approval);

test('a handler is used where it is connected: the waits it can satisfy', () => {
  assert.deepEqual(handlerUsages(edges, 'approve'), [{ nodeId: 'await-approval', field: 'can satisfy this wait' }]);
  assert.deepEqual(handlerUsages(edges, 'status'), []);
});

test('message names are identifiers, unique among the handlers; a handler keeps its own name', () => {
  assert.equal(handlerNameProblem(nodes, 'status', 'status'), null);
  assert.equal(handlerNameProblem(nodes, 'status', 'approve'), 'Another message is already named "approve"');
  assert.match(handlerNameProblem(nodes, 'status', 'my status')!, /must start with a letter/);
  assert.match(handlerNameProblem(nodes, 'status', 'class')!, /reserved word/);
  assert.equal(handlerNameProblem(nodes, 'status', 'currentStatus'), null);
});

test('a new handler gets the first free name of its kind and a place in the handler column', () => {
  assert.equal(freeHandlerName(nodes, 'signal'), 'signal1');
  const named = nodes.map((n) => (n.id === 'approve' ? ({ ...n, data: { ...n.data, name: 'signal1' } } as typeof n) : n));
  assert.equal(freeHandlerName(named, 'signal'), 'signal2');
  const handlerXs = nodes.filter((n) => ['signal', 'query', 'update'].includes(n.type)).map((n) => n.position.x);
  const spot = newHandlerPosition(nodes);
  assert.equal(spot.x, Math.round(Math.min(...handlerXs) / 10) * 10);
  // Below every node it would overlap (the approval's "Approved" end reaches into the handler column).
  for (const n of nodes.filter((n) => Math.abs(n.position.x - spot.x) < 200)) assert.ok(spot.y >= n.position.y + 100, `${n.id} at ${n.position.y} overlaps ${spot.y}`);
  assert.deepEqual(newHandlerPosition([]), { x: 0, y: 0 });
});

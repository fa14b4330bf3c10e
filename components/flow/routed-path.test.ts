import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDesignerStore } from '../designer/store';
import approval from '@/testing/fixtures/approval-record.json';
import type { Design } from '@/codegen/design';
import { routedPath } from './routed-path';

const route = { points: [{ x: 100, y: 100 }, { x: 100, y: 150 }, { x: 300, y: 150 }, { x: 300, y: 200 }], label: { x: 150, y: 130, width: 40, height: 20 } };

test('an edge follows its route from the exact handle positions, its label in the route’s label box', () => {
  const drawn = routedPath(route, { x: 101, y: 102 }, { x: 300, y: 199 });
  assert.deepEqual(drawn, { path: 'M101 102 L100 150 L300 150 L300 199', labelX: 170, labelY: 140 });
});

test('without a label box the label sits in the middle of the longest segment', () => {
  const { label: _none, ...bare } = route;
  assert.deepEqual(routedPath(bare, { x: 100, y: 100 }, { x: 300, y: 200 })?.labelX, 200);
  assert.deepEqual(routedPath(bare, { x: 100, y: 100 }, { x: 300, y: 200 })?.labelY, 150);
});

test('once an end has moved away from the route (a node dragged), the edge is drawn as a curve again', () => {
  assert.equal(routedPath(route, { x: 140, y: 100 }, { x: 300, y: 200 }), null);
  assert.equal(routedPath(route, { x: 100, y: 100 }, { x: 300, y: 260 }), null);
  assert.equal(routedPath(undefined, { x: 100, y: 100 }, { x: 300, y: 200 }), null);
});

test('an auto-layout moves nodes and routes edges in one step that undo takes back whole', () => {
  const store = createDesignerStore({ designId: 'd1', design: structuredClone(approval) as Design, version: 1 });
  const [first] = store.getState().edges;
  const before = store.getState().nodes[0]!.position;
  store.getState().moveNodes(new Map([[store.getState().nodes[0]!.id, { x: 5, y: 7 }]]), new Map([[first!.id, route]]));
  assert.deepEqual(store.getState().edges.find((e) => e.id === first!.id)?.data?.route, route);
  assert.deepEqual(store.getState().nodes[0]!.position, { x: 5, y: 7 });
  store.getState().undo();
  assert.equal(store.getState().edges.find((e) => e.id === first!.id)?.data?.route, undefined);
  assert.deepEqual(store.getState().nodes[0]!.position, before);
});

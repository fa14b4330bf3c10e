import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DesignSchema, type Design } from '@/codegen/design';
import { createDesignerStore } from './store';

const approval: Design = DesignSchema.parse(
  JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')),
);
const fresh = () => createDesignerStore({ designId: 'd1', design: structuredClone(approval), version: 1 });

test('a step picked after dropping a connection on the canvas is added and connected in one undo step', () => {
  const store = fresh();
  const s = () => store.getState();
  const original = s().toDesign();
  const id = s().addConnectedNode('timer', { x: 40, y: 900 }, { nodeId: 'end-approved', id: 'in', type: 'target' }, 'next');
  const design = s().toDesign();
  assert.equal(design.nodes.length, original.nodes.length + 1);
  assert.equal(design.nodes.find((n) => n.id === id)?.type, 'timer');
  assert.ok(design.edges.some((e) => e.source === id && e.target === 'end-approved'), 'the new timer leads to the End it was dragged from');
  assert.equal(s().nodes.find((n) => n.id === id)?.selected, true);
  s().undo();
  assert.deepStrictEqual(s().toDesign(), original, 'one undo removes the node and its connection');
});

test("dropped from a step's output, the new step takes that output's place (an output leads to one place)", () => {
  const store = fresh();
  const s = () => store.getState();
  const before = s().edges.filter((e) => e.source === 'start');
  assert.equal(before.length, 1);
  const id = s().addConnectedNode('assign', { x: 0, y: 0 }, { nodeId: 'start', id: 'next', type: 'source' }, 'in');
  const fromStart = s().edges.filter((e) => e.source === 'start');
  assert.deepEqual(fromStart.map((e) => [e.target, e.targetHandle]), [[id, 'in']]);
});

test("from a signal's output, the new Wait is connected at its messages port", () => {
  const store = fresh();
  const s = () => store.getState();
  const id = s().addConnectedNode('wait', { x: 0, y: 0 }, { nodeId: 'approve', id: 'out', type: 'source' }, 'messages');
  const edge = s().edges.find((e) => e.source === 'approve' && e.target === id);
  assert.equal(edge?.targetHandle, 'messages');
  assert.equal(edge?.className, 'edge-message');
});

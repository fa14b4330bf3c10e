import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DesignSchema, type Design } from '@/codegen/design';
import { parseFragment, serializeFragment } from '@/lib/designs/fragment';
import { createDesignerStore } from './store';

const approval: Design = DesignSchema.parse(
  JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')),
);
const fresh = () => createDesignerStore({ designId: 'd1', design: structuredClone(approval), version: 1 });

test('every kind of edit is undone and redone, restoring the exact design', () => {
  const store = fresh();
  const s = () => store.getState();
  const original = s().toDesign();

  const id = s().addNode('timer', { x: 10, y: 20 });
  s().updateNodeData(id, { label: 'Pause' });
  s().onConnect({ source: 'start', sourceHandle: 'next', target: id, targetHandle: 'in' });
  s().updateWorkflow({ description: 'changed' });
  const edited = s().toDesign();

  for (let i = 0; i < 4; i++) s().undo();
  assert.deepStrictEqual(s().toDesign(), original);
  assert.equal(s().history.past.length, 0);
  s().undo(); // nothing left: a no-op
  for (let i = 0; i < 4; i++) s().redo();
  assert.deepStrictEqual(s().toDesign(), edited);
  assert.equal(s().dirty, true);
});

test('typing in one field and dragging one node each coalesce into a single undo step', () => {
  const store = fresh();
  const s = () => store.getState();
  const before = s().toDesign();
  for (const text of ['a', 'ap', 'app', 'appr']) s().updateNodeData<'wait'>('await-approval', { condition: text });
  for (let x = 0; x < 5; x++) {
    s().onNodesChange([{ type: 'position', id: 'start', position: { x, y: 0 }, dragging: true }]);
  }
  s().onNodesChange([{ type: 'position', id: 'start', position: { x: 5, y: 0 }, dragging: false }]);
  assert.equal(s().history.past.length, 2);
  s().undo();
  assert.equal(s().toDesign().nodes.find((n) => n.id === 'start')!.position.x, before.nodes[0].position.x);
  s().undo();
  assert.deepStrictEqual(s().toDesign(), before);
});

test('a new edit after undo clears the redo stack; selection is not an undo step', () => {
  const store = fresh();
  const s = () => store.getState();
  s().addNode('end', { x: 0, y: 0 });
  s().undo();
  s().selectNode('start');
  assert.equal(s().history.past.length, 0);
  assert.equal(s().history.future.length, 1);
  s().addNode('timer', { x: 0, y: 0 });
  assert.equal(s().history.future.length, 0);
});

test('delete removes the selection and its edges, never Start, in one undoable step', () => {
  const store = fresh();
  const s = () => store.getState();
  const before = s().toDesign();
  s().selectAll();
  s().deleteSelection();
  assert.deepEqual(s().toDesign().nodes.map((n) => n.id), ['start']);
  assert.equal(s().toDesign().edges.length, 0);
  s().undo();
  assert.deepStrictEqual(s().toDesign(), before);
});

test('copy then paste (through clipboard text) adds copies with fresh ids, wired like the originals', () => {
  const store = fresh();
  const s = () => store.getState();
  s().selectAll();
  const text = serializeFragment(s().copySelection()!);
  const other = createDesignerStore({ designId: 'd2', design: structuredClone(approval), version: 1 });
  other.getState().paste(parseFragment(text)!, { x: 40, y: 40 });
  const design = other.getState().toDesign();
  assert.equal(design.nodes.length, approval.nodes.length * 2 - 1); // Start is not copied
  assert.equal(new Set(design.nodes.map((n) => n.id)).size, design.nodes.length);
  assert.equal(new Set(design.edges.map((e) => e.id)).size, design.edges.length);
  const pasted = other.getState().nodes.filter((n) => n.selected);
  assert.equal(pasted.length, approval.nodes.length - 1);
  // Every pasted decision's edges use the copy's new branch ids.
  const decision = design.nodes.find((n) => n.type === 'decision' && pasted.some((p) => p.id === n.id));
  assert.ok(decision && decision.type === 'decision');
  const branchEdge = design.edges.find((e) => e.source === decision.id && e.sourceHandle !== 'else');
  assert.ok(branchEdge && decision.branches.some((b) => b.id === branchEdge.sourceHandle));
  assert.equal(DesignSchema.safeParse(design).success, true);
});

test('replaceDesign with a version resets history and marks the content saved', () => {
  const store = fresh();
  const s = () => store.getState();
  s().addNode('end', { x: 0, y: 0 });
  s().replaceDesign({ ...approval, name: 'Theirs' }, 7);
  assert.equal(s().workflow.name, 'Theirs');
  assert.equal(s().savedVersion, 7);
  assert.equal(s().dirty, false);
  assert.equal(s().history.past.length, 0);
});

test('a save only clears dirty when no edit happened while it was in flight', () => {
  const store = fresh();
  const s = () => store.getState();
  s().updateWorkflow({ description: 'one' });
  const carried = s().changeCount;
  s().updateWorkflow({ description: 'two' });
  s().markSaved(2, carried);
  assert.equal(s().dirty, true);
  s().markSaved(3, s().changeCount);
  assert.equal(s().dirty, false);
});

test('editing a node that keeps all its outputs leaves the edge list as it was (React Flow skips re-indexing edges)', () => {
  const store = fresh();
  const s = () => store.getState();
  const edges = s().edges;
  s().updateNodeData<'wait'>('await-approval', { label: 'Typed' });
  assert.equal(s().edges, edges);
  s().updateNodeData<'wait'>('await-approval', { timeout: undefined });
  assert.notEqual(s().edges, edges, 'clearing the timeout drops its edge');
  assert.equal(s().edges.some((e) => e.source === 'await-approval' && e.sourceHandle === 'timeout'), false);
});

test('a connection moved in the edge inspector is one undo step; a refused move changes nothing', () => {
  const store = fresh();
  const s = () => store.getState();
  const before = s().toDesign();
  assert.deepEqual(s().updateEdge('e-else', { target: 'start' }), { ok: false, reason: 'Start has no inputs' });
  assert.deepStrictEqual(s().toDesign(), before);
  assert.equal(s().history.past.length, 0);
  assert.deepEqual(s().updateEdge('e-else', { target: 'end-timed-out' }), { ok: true });
  assert.equal(s().toDesign().edges.find((e) => e.id === 'e-else')!.target, 'end-timed-out');
  assert.equal(s().dirty, true);
  s().undo();
  assert.deepStrictEqual(s().toDesign(), before);
});

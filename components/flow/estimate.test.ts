import assert from 'node:assert/strict';
import { test } from 'node:test';
// React Flow's own culling and bookkeeping (a dependency of @xyflow/react), run on the designer's nodes.
import { adoptUserNodes, getNodesInside, type InternalNodeBase, type NodeBase } from '@xyflow/system';
import { benchDesign } from '@/bench/designer-designs';
import { createDesignerStore } from '../designer/store';
import { estimateNodeLayout, withLayoutEstimates } from './estimate';
import type { DesignerNode } from './types';

const VIEW = { x: 0, y: 0, width: 1600, height: 1000 };

/** What React Flow would render with onlyRenderVisibleElements, on first render at 100 % around Start. */
function renderedAtOpen(nodes: DesignerNode[]): string[] {
  const lookup = new Map<string, InternalNodeBase>();
  adoptUserNodes(nodes as NodeBase[], lookup, new Map());
  return getNodesInside(lookup, VIEW, [120, 80, 1], true).map((n) => n.id);
}

test('a 1,000-node design opens with only the nodes in view rendered, not all of them once to measure them', () => {
  const store = createDesignerStore({ designId: 'd', design: benchDesign(1000), version: 1 });
  const rendered = renderedAtOpen(store.getState().nodes);
  assert.ok(rendered.length > 10 && rendered.length < 80, `React Flow would render ${rendered.length} of 1,000 nodes`);
  assert.ok(rendered.includes('start'));
  assert.ok(!rendered.includes('end'), 'the last node is far out of view');
});

test('the estimated handles are where the node components draw them', () => {
  const wait = estimateNodeLayout({ type: 'wait', data: { label: 'W', condition: 'x', timeout: { amount: 1, unit: 'minutes' } } });
  assert.deepEqual(wait.handles.map((h) => [h.id, h.type, h.position, h.x, h.y]), [
    ['in', 'target', 'top', 95, -2],
    ['messages', 'target', 'left', -4, 45],
    ['met', 'source', 'bottom', 45, 94],
    ['timeout', 'source', 'bottom', 145, 94],
  ]);
  const signal = estimateNodeLayout({ type: 'signal', data: { label: 'S', name: 's', parameters: [], assignments: [] } });
  assert.deepEqual(signal.handles.map((h) => [h.id, h.type, h.position]), [['out', 'source', 'right']]);
  assert.deepEqual(estimateNodeLayout({ type: 'query', data: { label: 'Q', name: 'q', parameters: [], returns: 'x' } }).handles, []);
  const start = estimateNodeLayout({ type: 'start', data: { label: 'Start' } });
  assert.deepEqual(start.handles.map((h) => h.id), ['next']);
});

test('measured nodes keep their measurement; replaced ones keep it only while their outputs are the same', () => {
  const store = createDesignerStore({ designId: 'd', design: benchDesign(100), version: 1 });
  const s = () => store.getState();
  assert.ok(s().nodes.every((n) => n.handles && n.initialWidth === 200 && !n.measured));
  // React Flow measures the nodes in view and reports their sizes.
  s().onNodesChange([
    { type: 'dimensions', id: 'start', dimensions: { width: 200, height: 57 } },
    { type: 'dimensions', id: 'n3', dimensions: { width: 200, height: 100 } },
  ]);
  const start = s().nodes.find((n) => n.id === 'start')!;
  assert.equal(start.handles, undefined, 'its own handle bounds replace the estimate');
  assert.deepEqual(start.measured, { width: 200, height: 57 });

  // A rename across the design rebuilds every node: the measured ones stay measured.
  s().editDesign((d) => ({ ...d, nodes: d.nodes.map((n) => (n.id === 'n3' ? { ...n, timeout: undefined } : n)) }));
  const after = new Map(s().nodes.map((n) => [n.id, n]));
  assert.deepEqual(after.get('start')!.measured, { width: 200, height: 57 });
  assert.equal(after.get('start')!.handles, undefined);
  // n3 lost its timeout output: its old handles are wrong, so it is estimated again.
  assert.equal(after.get('n3')!.measured, undefined);
  assert.deepEqual(after.get('n3')!.handles!.map((h) => h.id), ['in', 'messages', 'met']);

  // Undo brings n3's timeout back; still unmeasured, still estimated. Start stays measured.
  s().undo();
  const undone = new Map(s().nodes.map((n) => [n.id, n]));
  assert.deepEqual(undone.get('n3')!.handles!.map((h) => h.id), ['in', 'messages', 'met', 'timeout']);
  assert.deepEqual(undone.get('start')!.measured, { width: 200, height: 57 });
});

test('a node that comes back after a delete is estimated again (React Flow forgot its handles)', () => {
  const measured = { id: 'a', type: 'timer', position: { x: 0, y: 0 }, data: { label: 'T', duration: { amount: 1, unit: 'seconds' } }, measured: { width: 200, height: 76 } } as DesignerNode;
  const [back] = withLayoutEstimates([measured], []);
  assert.equal(back!.measured, undefined);
  assert.deepEqual(back!.handles!.map((h) => h.id), ['in', 'next']);
  const [kept] = withLayoutEstimates([measured], [measured]);
  assert.equal(kept, measured);
});

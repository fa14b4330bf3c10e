import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boxesOverlap } from './layout-geometry';
import { HANDLERS_PER_ROW, layoutGraph, type LayoutNode } from './layout';

const size = { width: 200, height: 70 };
const step = (id: string): LayoutNode => ({
  id,
  ...size,
  ports: [
    { id: 'in', side: 'top', x: 100, y: 0 },
    { id: 'next', side: 'bottom', x: 100, y: 70 },
    { id: 'messages', side: 'left', x: 0, y: 35 },
  ],
});
const handler = (id: string): LayoutNode => ({ id, ...size, handler: true, ports: [{ id: 'out', side: 'right', x: 200, y: 35 }] });

test('auto-layout places every node, successors below their source, without overlaps', async () => {
  const nodes = ['start', 'wait', 'yes', 'no', 'orphan'].map(step);
  const edges = [
    { id: 'e1', source: 'start', target: 'wait', sourceHandle: 'next', targetHandle: 'in' },
    { id: 'e2', source: 'wait', target: 'yes', sourceHandle: 'next', targetHandle: 'in' },
    { id: 'e3', source: 'wait', target: 'no', sourceHandle: 'next', targetHandle: 'in' },
    { id: 'dangling', source: 'wait', target: 'missing' },
  ];
  const { positions, routes } = await layoutGraph(nodes, edges);
  assert.equal(positions.size, nodes.length);
  const at = (id: string) => positions.get(id)!;
  assert.ok(at('wait').y > at('start').y && at('yes').y > at('wait').y && at('no').y > at('wait').y);
  for (const a of nodes) for (const b of nodes) if (a.id < b.id) assert.ok(!boxesOverlap({ ...at(a.id), ...size }, { ...at(b.id), ...size }), `${a.id} overlaps ${b.id}`);
  assert.deepEqual([...routes.keys()].sort(), ['e1', 'e2', 'e3']);
  // Routes leave and enter at the ports.
  assert.deepEqual(routes.get('e1')!.points[0], { x: at('start').x + 100, y: at('start').y + 70 });
  assert.deepEqual(routes.get('e1')!.points.at(-1), { x: at('wait').x + 100, y: at('wait').y });
});

test('handlers get their own lane: the ones feeding a wait left of the flow beside their wait, queries in a grid above', async () => {
  const queries = Array.from({ length: HANDLERS_PER_ROW + 2 }, (_, i) => handler(`query${i}`));
  const nodes = [step('start'), step('wait'), step('end'), handler('approve'), ...queries];
  const edges = [
    { id: 'e1', source: 'start', target: 'wait', sourceHandle: 'next', targetHandle: 'in' },
    { id: 'e2', source: 'wait', target: 'end', sourceHandle: 'next', targetHandle: 'in' },
    { id: 'signal', source: 'approve', target: 'wait', sourceHandle: 'out', targetHandle: 'messages' },
  ];
  const { positions, routes } = await layoutGraph(nodes, edges);
  const at = (id: string) => positions.get(id)!;
  assert.ok(at('approve').x + size.width < at('start').x, 'the signal left of the flow');
  assert.equal(at('approve').y, at('wait').y, 'level with its wait, not beside Start');
  for (const q of queries) assert.ok(at(q.id).y + size.height < at('start').y, `${q.id} above the flow`);
  assert.equal(new Set(queries.map((q) => at(q.id).y)).size, 2, `rows of ${HANDLERS_PER_ROW}`);
  const signal = routes.get('signal')!.points;
  assert.deepEqual(signal[0], { x: at('approve').x + 200, y: at('approve').y + 35 }, 'leaves the handler from its side');
  assert.deepEqual(signal.at(-1), { x: at('wait').x, y: at('wait').y + 35 }, 'enters the wait from the side');
  signal.slice(1).forEach((p, i) => assert.ok(p.x === signal[i]!.x || p.y === signal[i]!.y, 'orthogonal'));
});

test('an edge label gets a box of its own beside its edge', async () => {
  const nodes = [step('a'), step('b')];
  const { routes, positions } = await layoutGraph(nodes, [{ id: 'e', source: 'a', target: 'b', sourceHandle: 'next', targetHandle: 'in', label: 'timeout' }]);
  const label = routes.get('e')!.label!;
  assert.ok(label.width > 0 && label.height > 0);
  for (const id of ['a', 'b']) assert.ok(!boxesOverlap(label, { ...positions.get(id)!, ...size }), `label clear of ${id}`);
});

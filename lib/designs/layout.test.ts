import assert from 'node:assert/strict';
import { test } from 'node:test';
import { autoLayout } from './layout';

test('auto-layout places every node, successors below their source, without overlaps', async () => {
  const size = { width: 200, height: 70 };
  const nodes = ['start', 'wait', 'yes', 'no', 'orphan'].map((id) => ({ id, ...size }));
  const edges = [
    { id: 'e1', source: 'start', target: 'wait' },
    { id: 'e2', source: 'wait', target: 'yes' },
    { id: 'e3', source: 'wait', target: 'no' },
    { id: 'dangling', source: 'wait', target: 'missing' },
  ];
  const positions = await autoLayout(nodes, edges);
  assert.equal(positions.size, nodes.length);
  const at = (id: string) => positions.get(id)!;
  assert.ok(at('wait').y > at('start').y && at('yes').y > at('wait').y && at('no').y > at('wait').y);
  for (const a of nodes) {
    for (const b of nodes) {
      if (a.id >= b.id) continue;
      const overlap = Math.abs(at(a.id).x - at(b.id).x) < size.width && Math.abs(at(a.id).y - at(b.id).y) < size.height;
      assert.ok(!overlap, `${a.id} overlaps ${b.id}`);
    }
  }
  for (const p of positions.values()) assert.ok(p.x % 10 === 0 && p.y % 10 === 0, 'snapped to the grid');
});

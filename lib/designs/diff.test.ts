import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Design } from '@/codegen/design';
import { diffDesigns, diffLines, hunks, sameJson } from './diff';

const approval: Design = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const clone = (): Design => structuredClone(approval);

test('the same design (keys in another order) has no differences', () => {
  const reordered = Object.fromEntries(Object.entries(clone()).reverse()) as Design;
  reordered.nodes = reordered.nodes.map((n) => Object.fromEntries(Object.entries(n).reverse()) as typeof n);
  assert.equal(diffDesigns(approval, reordered).same, true);
  assert.equal(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }), true);
});

test('steps changed by id name the fields that changed; added and removed steps and edges are listed', () => {
  const after = clone();
  const wait = after.nodes.find((n) => n.id === 'await-approval')!;
  Object.assign(wait, { label: 'Await the approver', position: { x: 10, y: 10 } });
  after.nodes.push({ id: 'pause', type: 'timer', label: 'Pause', duration: { amount: 1, unit: 'minutes' }, position: { x: 0, y: 0 } } as Design['nodes'][number]);
  after.edges.push({ id: 'e-pause', source: 'pause', target: 'await-approval' });
  const removedEdge = after.edges.shift()!;
  const diff = diffDesigns(approval, after);
  assert.equal(diff.same, false);
  assert.deepEqual(diff.steps.changed, [{ id: 'await-approval', type: 'wait', label: 'Await the approver', fields: ['label', 'position'] }]);
  assert.deepEqual(diff.steps.added, [{ id: 'pause', type: 'timer', label: 'Pause' }]);
  assert.deepEqual(diff.steps.removed, []);
  assert.deepEqual(diff.edges.added, [{ source: 'pause', target: 'await-approval' }]);
  assert.deepEqual(diff.edges.removed, [{ source: removedEdge.source, target: removedEdge.target }]);
  assert.deepEqual(diffDesigns(after, approval).steps.removed, [{ id: 'pause', type: 'timer', label: 'Pause' }]);
});

test('inputs, variables and workflow fields are compared by name', () => {
  const after = clone();
  after.name = 'Renamed';
  after.tags = ['finance'];
  after.input = [...after.input.slice(1), { name: 'amount', type: 'money', label: 'Amount', required: true } as Design['input'][number]];
  after.variables = after.variables.map((v, i) => (i === 0 ? { ...v, description: 'changed' } : v));
  const diff = diffDesigns(approval, after);
  assert.deepEqual(diff.workflow, ['name', 'tags']);
  assert.deepEqual(diff.inputs, { added: ['amount'], removed: [approval.input[0].name], changed: [] });
  assert.deepEqual(diff.variables.changed, approval.variables.length ? [approval.variables[0].name] : []);
});

test('line diff: a longest common subsequence with line numbers, and hunks with context', () => {
  const lines = diffLines('a\nb\nc\nd', 'a\nc\nx\nd');
  assert.deepEqual(lines, [
    { op: ' ', text: 'a', oldLine: 1, newLine: 1 },
    { op: '-', text: 'b', oldLine: 2 },
    { op: ' ', text: 'c', oldLine: 3, newLine: 2 },
    { op: '+', text: 'x', newLine: 3 },
    { op: ' ', text: 'd', oldLine: 4, newLine: 4 },
  ]);
  assert.deepEqual(diffLines('', 'one').map((l) => l.op), ['+']);
  const long = Array.from({ length: 40 }, (_, i) => `line ${i}`);
  const changed = [...long];
  changed[5] = 'five';
  changed[30] = 'thirty';
  const groups = hunks(diffLines(long.join('\n'), changed.join('\n')), 2);
  assert.equal(groups.length, 2);
  assert.deepEqual(groups[0].map((l) => l.op), [' ', ' ', '-', '+', ' ', ' ']);
  assert.equal(groups[1][2].oldLine, 31);
});

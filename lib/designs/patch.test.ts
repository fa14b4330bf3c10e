import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DesignSchema, type Design } from '@/codegen/design';
import { applyPatch, diffDesign, PatchError } from './patch';

const approval: Design = DesignSchema.parse(JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')));

test('nothing changed: an empty patch, and applying it gives the same design', () => {
  assert.deepEqual(diffDesign(approval, { ...approval }), {});
  assert.deepStrictEqual(applyPatch(approval, {}), approval);
});

test('one node edited: only that node travels; the others stay the same objects', () => {
  const next = { ...approval, nodes: approval.nodes.map((n) => (n.id === 'is-approved' ? { ...n, label: 'Typed' } : n)) };
  const patch = diffDesign(approval, next);
  assert.deepEqual(Object.keys(patch), ['nodes']);
  assert.deepEqual(patch.nodes!.map((n) => n.id), ['is-approved']);
  const applied = applyPatch(approval, patch);
  assert.deepStrictEqual(applied, next);
  assert.equal(applied.nodes[0], approval.nodes[0]);
});

test('added, removed and reordered nodes, changed edges and settings all arrive', () => {
  const added = { ...approval.nodes.find((n) => n.id === 'end-rejected')!, id: 'end-extra' };
  const next: Design = {
    ...approval,
    name: 'Renamed',
    nodes: [...approval.nodes.filter((n) => n.id !== 'status').reverse(), added],
    edges: approval.edges.filter((e) => e.id !== 'e-else'),
  };
  const patch = diffDesign(approval, next);
  assert.deepEqual(patch.nodes!.map((n) => n.id), ['end-extra']);
  assert.equal(patch.nodeIds!.length, next.nodes.length);
  assert.equal(patch.settings!.name, 'Renamed');
  assert.deepStrictEqual(applyPatch(approval, patch), next);
});

test('a change naming a node nobody has is refused, saying which', () => {
  assert.throws(() => applyPatch(approval, { nodeIds: ['start', 'ghost'] }), (error: unknown) => error instanceof PatchError && /"ghost"/.test(error.message));
});

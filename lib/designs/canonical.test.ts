import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DesignSchema, type Design } from '@/codegen/design';
import { canonicalDesign, exportDesignJson, exportFileName } from './canonical';
import { MAX_IMPORT_BYTES, parseDesignFile } from './import-design';

const approval: Design = DesignSchema.parse(JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')));

/** The same design with every object's keys and the node/edge arrays in a scrambled order. */
function scrambled(design: Design): Design {
  const reverseKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(reverseKeys)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
    : v;
  return reverseKeys({ ...design, nodes: [...design.nodes].reverse(), edges: [...design.edges].reverse() }) as Design;
}

test('export is byte-identical however keys and nodes were ordered, and round-trips through import', () => {
  const text = exportDesignJson(approval);
  assert.equal(exportDesignJson(scrambled(approval)), text);
  assert.ok(text.endsWith('}\n'));
  const back = parseDesignFile(text);
  assert.ok(back.ok);
  assert.deepEqual(canonicalDesign(back.design), canonicalDesign(approval));
  assert.equal(exportDesignJson(back.design), text);
});

test('canonical order: Start first then nodes by id, edges by source; keys id/type/label first, position last', () => {
  const c = canonicalDesign(scrambled(approval));
  assert.equal(c.nodes[0].type, 'start');
  const rest = c.nodes.slice(1).map((n) => n.id);
  assert.deepEqual(rest, [...rest].sort());
  const sources = c.edges.map((e) => e.source);
  assert.deepEqual(sources, [...sources].sort());
  assert.deepEqual(Object.keys(c).slice(0, 2), ['schemaVersion', 'name']);
  assert.deepEqual(Object.keys(c).slice(-2), ['nodes', 'edges']);
  const wait = c.nodes.find((n) => n.type === 'wait')!;
  assert.deepEqual(Object.keys(wait).slice(0, 3), ['id', 'type', 'label']);
  assert.equal(Object.keys(wait).at(-1), 'position');
  // Order that carries meaning is kept: decision branches.
  const decision = approval.nodes.find((n) => n.type === 'decision');
  const after = c.nodes.find((n) => n.id === decision?.id);
  assert.deepEqual(after && 'branches' in after ? after.branches.map((b) => b.id) : [], decision && 'branches' in decision ? decision.branches.map((b) => b.id) : []);
});

test('a moved node changes only its position lines in the export', () => {
  const moved = structuredClone(approval);
  moved.nodes[2].position = { x: 999, y: 888 };
  const a = exportDesignJson(approval).split('\n');
  const b = exportDesignJson(moved).split('\n');
  assert.equal(a.length, b.length);
  const changed = a.filter((line, i) => line !== b[i]);
  assert.equal(changed.length, 2);
});

test('file names are safe', () => {
  assert.equal(exportFileName({ name: 'ApprovalWorkflow' }), 'ApprovalWorkflow.signalbox.json');
  assert.equal(exportFileName({ name: '../../etc passwd' }), 'etc-passwd.signalbox.json');
  assert.equal(exportFileName({ name: '' }), 'design.signalbox.json');
});

test('import refuses malformed, oversized and schema-violating files, naming what is wrong and where', () => {
  const malformed = parseDesignFile('{"nodes": [', 'broken.json');
  assert.ok(!malformed.ok);
  assert.match(malformed.message, /broken\.json is not valid JSON/);

  const huge = parseDesignFile(' '.repeat(MAX_IMPORT_BYTES + 1), 'huge.json');
  assert.ok(!huge.ok);
  assert.match(huge.message, /huge\.json is 5\.0 MB; designs larger than 5 MB/);

  const notDesign = parseDesignFile('[1, 2]');
  assert.ok(!notDesign.ok);
  assert.match(notDesign.message, /expected a JSON object with "nodes"/);

  const bad = structuredClone(approval) as unknown as { nodes: Record<string, unknown>[]; resultType: string };
  const wait = bad.nodes.find((n) => n.type === 'wait')!;
  delete wait.condition;
  bad.resultType = 'banana';
  const invalid = parseDesignFile(JSON.stringify(bad), 'bad.json');
  assert.ok(!invalid.ok);
  assert.match(invalid.message, /bad\.json is not a valid Signalbox design \(2 problems\)/);
  const wheres = invalid.problems.map((p) => p.where);
  assert.ok(wheres.includes(`node "${wait.label}" (${wait.id}) › condition`), JSON.stringify(wheres));
  assert.ok(wheres.includes('resultType'), JSON.stringify(wheres));

  const dup = structuredClone(approval);
  dup.nodes.push({ ...dup.nodes[1] });
  const duplicated = parseDesignFile(JSON.stringify({ design: dup }));
  assert.ok(!duplicated.ok);
  assert.match(duplicated.problems[0].message, /duplicate id/);
});

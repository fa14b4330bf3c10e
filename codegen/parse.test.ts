import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDesign } from './parse';
import { DesignSchema } from './schema/design';
import { approvalDesign } from './testing/designs';

test('the approval example matches the schema', () => {
  const parsed = parseDesign(approvalDesign());
  assert.equal(parsed.ok, true);
  assert.equal(DesignSchema.safeParse(approvalDesign()).success, true);
});

test('a field error names the node by its label and the field', () => {
  const design = approvalDesign() as unknown as { nodes: Record<string, unknown>[] };
  design.nodes[1].timeout = { amount: -1, unit: 'days' };
  const parsed = parseDesign(design);
  assert.equal(parsed.ok, false);
  if (parsed.ok) return;
  assert.equal(parsed.diagnostics[0].nodeId, 'await-approval');
  assert.equal(parsed.diagnostics[0].field, 'timeout.amount');
  assert.match(parsed.diagnostics[0].message, /^Wait "Await approval": "timeout.amount" /);
});

test('an unknown node type is reported with its index when it has no label', () => {
  const design = approvalDesign() as unknown as { nodes: Record<string, unknown>[] };
  design.nodes.push({ id: 'x', type: 'teleport' });
  const parsed = parseDesign(design);
  assert.equal(parsed.ok, false);
  if (parsed.ok) return;
  assert.equal(parsed.diagnostics[0].nodeId, 'x');
  assert.match(parsed.diagnostics[0].message, /Teleport "x"/);
});

test('design-level problems name the design field', () => {
  const parsed = parseDesign({ ...approvalDesign(), schemaVersion: 2, name: 5 });
  assert.equal(parsed.ok, false);
  if (parsed.ok) return;
  assert.deepEqual(parsed.diagnostics.map((d) => d.field).sort(), ['name', 'schemaVersion']);
});

test('non-objects are refused, not crashed on', () => {
  for (const input of [null, 42, 'design', []]) assert.equal(parseDesign(input).ok, false);
});

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FLOW_NODE_TYPES, HANDLER_NODE_TYPES, NodeSchema, type NodeType, STEPS } from '@/codegen/design';
import { defaultNodeData } from '../designer/defaults';
import { PALETTE_GROUPS, STEP_UI } from '../steps';
import { nodeTypes } from './node-types';

const root = join(import.meta.dirname, '..', '..');
const ALL_KINDS: readonly NodeType[] = [...FLOW_NODE_TYPES, ...HANDLER_NODE_TYPES];

test('every node kind has its one UI module, components/steps/<kind>.tsx, and the registry holds what it exports', async () => {
  assert.deepEqual(Object.keys(STEP_UI).sort(), [...ALL_KINDS].sort());
  for (const kind of ALL_KINDS) {
    const module: Record<string, unknown> = await import(`../steps/${kind}.tsx`);
    assert.equal(module[`${kind}Ui`], STEP_UI[kind], `${kind}: components/steps/${kind}.tsx exports ${kind}Ui, the registry's entry`);
    assert.equal(STEP_UI[kind].kind, kind);
  }
});

// Each codegen/steps/<kind>.ts names its UI module; this keeps the name true.
test("every flow step kind's definition names its UI module", () => {
  for (const kind of Object.keys(STEPS)) {
    const source = readFileSync(join(root, 'codegen/steps', `${kind}.ts`), 'utf8');
    assert.match(source, new RegExp(`\\* UI: components/steps/${kind}\\.tsx\\b`), `${kind}: its step file names components/steps/${kind}.tsx`);
  }
});

test('the canvas, the palette and new nodes come from the registry', () => {
  for (const kind of ALL_KINDS) assert.equal(nodeTypes[kind], STEP_UI[kind].Node, `${kind}: canvas node`);
  // A design has exactly one Start, created with it: every other kind is offered, once.
  const offered = PALETTE_GROUPS.flatMap((g) => g.kinds);
  assert.deepEqual([...offered].sort(), ALL_KINDS.filter((k) => k !== 'start').sort());
  assert.deepEqual(PALETTE_GROUPS.map((g) => g.title), ['Steps', 'Messages']);
  assert.deepEqual(PALETTE_GROUPS[0]!.kinds, ['wait', 'timer', 'activity', 'decision', 'assign', 'childWorkflow', 'signalExternal', 'end', 'continueAsNew']);
  assert.deepEqual(PALETTE_GROUPS[1]!.kinds, ['signal', 'query', 'update']);
});

test("a freshly dropped node of every kind is a valid design node (its kind's defaults)", () => {
  for (const kind of ALL_KINDS) {
    const node = { id: 'n1', type: kind, position: { x: 0, y: 0 }, ...defaultNodeData(kind) };
    const parsed = NodeSchema.safeParse(node);
    assert.ok(parsed.success, `${kind}: ${parsed.error?.message}`);
  }
  // Fresh ids each time (a decision's first branch), so two new nodes never share one.
  assert.notEqual(defaultNodeData('decision').branches[0]!.id, defaultNodeData('decision').branches[0]!.id);
});

test('no node component or inspector form is left outside its kind module', () => {
  for (const kind of ALL_KINDS) {
    const pascal = kind.charAt(0).toUpperCase() + kind.slice(1);
    assert.ok(!existsSync(join(root, 'components/flow/nodes', `${pascal}Node.tsx`)), `${kind}: stray canvas node`);
    assert.ok(!existsSync(join(root, 'components/designer/inspector', `${pascal}Form.tsx`)), `${kind}: stray inspector form`);
  }
});

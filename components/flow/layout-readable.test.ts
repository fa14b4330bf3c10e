import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Design } from '@/codegen/design';
import { TEMPLATES } from '@/examples';
import { buildApprovalDesign } from '@/lib/approvals/build';
import { generateApprovalDesign } from '@/lib/approvals/generate';
import { ApprovalProcessSpecSchema, type ApprovalProcessInput } from '@/lib/approvals/spec';
import { multiLevelApprovalTemplate } from '@/lib/approvals/templates';
import { designLayoutInput } from '@/lib/designs/design-layout';
import { layoutGraph, type XY } from '@/lib/designs/layout';
import { designToFlow } from '../designer/convert';
import { openingArrangement } from '../designer/opening-layout';
import { layoutProblems } from './layout-check';
import { estimateNodeLayout } from './estimate';
import { isHandlerType } from './handles';
import { handleAnchor, layoutInput } from './layout-input';
import type { DesignerNode } from './types';

/** Where the canvas anchors an edge on a node's handle, at the node's laid-out position. */
function anchorOf(nodes: readonly DesignerNode[], positions: ReadonlyMap<string, XY>, id: string, handle: string | null | undefined): XY {
  const node = nodes.find((n) => n.id === id)!;
  const h = estimateNodeLayout(node).handles.find((x) => x.id === handle)!;
  const at = handleAnchor(h);
  return { x: Math.round(positions.get(id)!.x + at.x), y: Math.round(positions.get(id)!.y + at.y) };
}

const user = (name: string) => ({ kind: 'user' as const, name });
const role = (name: string) => ({ kind: 'role' as const, name });
const days = (amount: number) => ({ amount, unit: 'days' as const });

/** Approval processes as the form makes them: 1, 2 and 3 levels, deadlines, escalation, notifications. */
const APPROVAL_SPECS: Record<string, ApprovalProcessInput> = {
  'one level': { name: 'Leave', fields: [{ name: 'reason', type: 'string', required: true }], levels: [{ name: 'Lead', approvers: [user('lead')] }] },
  'one level, escalated to a role, notify': {
    name: 'Expense claim',
    fields: [{ name: 'amount', type: 'money', required: true }],
    levels: [{ name: 'Lead', approvers: [user('lead'), user('deputy')], required: 2, deadline: days(2), onDeadline: { action: 'escalate', to: role('admin'), deadline: days(1), then: { action: 'reject' } } }],
    notify: true,
  },
  'two levels, timeouts': {
    name: 'Purchase',
    fields: [{ name: 'amount', type: 'money', required: true }],
    levels: [
      { name: 'Manager', approvers: [user('manager')], deadline: days(3), onDeadline: { action: 'approve' } },
      { name: 'Finance', approvers: [role('approver')], mode: 'sequential', condition: 'input.amount >= money("500")', deadline: days(3), onDeadline: { action: 'reject' } },
    ],
  },
  'three levels, escalation, notify': {
    name: 'Contract',
    fields: [{ name: 'value', type: 'money', required: true }],
    levels: [
      { name: 'Lead', approvers: [user('lead')], deadline: days(1), onDeadline: { action: 'escalate', to: role('admin'), deadline: days(1), then: { action: 'escalate', to: user('boss') } } },
      { name: 'Legal', approvers: [user('legal'), user('counsel')], mode: 'sequential', required: 2, deadline: days(5), onDeadline: { action: 'escalate', to: user('boss') } },
      { name: 'CEO', approvers: [user('ceo')], condition: 'input.value >= money("100000")', deadline: days(7), onDeadline: { action: 'reject' } },
    ],
    notify: true,
  },
  'multi-level purchase template': multiLevelApprovalTemplate(),
};

const DESIGNS: [string, Design][] = [
  ...TEMPLATES.map((t): [string, Design] => [`template ${t.id}`, t.design]),
  ...Object.entries(APPROVAL_SPECS).map(([name, spec]): [string, Design] => [`approval: ${name}`, generateApprovalDesign(ApprovalProcessSpecSchema.parse(spec))]),
];

for (const [name, design] of DESIGNS) {
  test(`${name}: laid out with no overlapping nodes, no edge through a node, no label on a node or handle`, async () => {
    const { nodes, edges } = designToFlow(design);
    const input = layoutInput(nodes, edges);
    const { positions, routes } = await layoutGraph(input.nodes, input.edges);
    assert.equal(positions.size, nodes.length, 'every node placed');
    assert.deepEqual(layoutProblems(nodes, edges, positions, routes), []);
    // Message handlers in their own lane: the ones feeding waits left of every step of the flow, the others above it.
    const flow = nodes.filter((n) => !isHandlerType(n.type));
    const flowLeft = Math.min(...flow.map((n) => positions.get(n.id)!.x));
    const flowTop = Math.min(...flow.map((n) => positions.get(n.id)!.y));
    for (const h of nodes.filter((n) => isHandlerType(n.type))) {
      const { x, y } = positions.get(h.id)!;
      const { width, height } = estimateNodeLayout(h);
      if (edges.some((e) => e.source === h.id)) assert.ok(x + width < flowLeft, `handler ${h.id} left of the flow`);
      else assert.ok(y + height < flowTop, `query ${h.id} above the flow`);
    }
    // Every edge routed, orthogonally, from its source handle to its target handle as the canvas anchors them.
    for (const e of edges) {
      const route = routes.get(e.id);
      assert.ok(route, `edge ${e.id} routed`);
      assert.deepEqual(route.points[0], anchorOf(nodes, positions, e.source, e.sourceHandle), `${e.id} leaves its source handle`);
      assert.deepEqual(route.points.at(-1), anchorOf(nodes, positions, e.target, e.targetHandle), `${e.id} enters its target handle`);
      route.points.slice(1).forEach((p, i) => assert.ok(p.x === route.points[i]!.x || p.y === route.points[i]!.y, `${e.id} is orthogonal`));
    }
  });
}

for (const [name, design] of DESIGNS) {
  test(`${name}: the server lays it out with exactly the canvas's input (sizes, ports, labels)`, () => {
    const { nodes, edges } = designToFlow(design);
    assert.deepEqual(designLayoutInput(design), layoutInput(nodes, edges));
  });
}

for (const [name, spec] of Object.entries(APPROVAL_SPECS)) {
  test(`approval: ${name}: as saved, it opens readable without pressing Layout (no overlapping node, no edge through a node)`, async () => {
    const built = await buildApprovalDesign(spec);
    assert.ok(built.ok, JSON.stringify(!built.ok && built.issues));
    const { nodes, edges } = designToFlow(built.design);
    const saved = new Map(nodes.map((n) => [n.id, n.position]));
    // What the designer does when it opens (useOpeningLayout): a laid-out design keeps its positions and gets its routes.
    const opening = await openingArrangement(nodes, edges);
    assert.ok(opening, 'the saved positions are the layout');
    assert.equal(opening.positions, null, 'nothing moves when it opens');
    assert.deepEqual(layoutProblems(nodes, edges, saved, opening.routes), []);
  });
}

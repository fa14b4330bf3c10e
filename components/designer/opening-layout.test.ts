import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateApprovalDesign } from '@/lib/approvals/generate';
import { ApprovalProcessSpecSchema } from '@/lib/approvals/spec';
import { hasOverlappingNodes } from '../flow/layout-check';
import { designToFlow, flowToDesign } from './convert';
import { openingArrangement } from './opening-layout';
import { createDesignerStore } from './store';

const escalating = generateApprovalDesign(
  ApprovalProcessSpecSchema.parse({
    name: 'Expense claim',
    fields: [],
    notify: true,
    levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }], deadline: { amount: 1, unit: 'days' }, onDeadline: { action: 'escalate', to: { kind: 'role', name: 'admin' }, deadline: { amount: 1, unit: 'days' }, then: { action: 'reject' } } }],
  }),
);

test('a form-generated approval whose nodes overlap is laid out when it opens, without an edit to undo or save', async () => {
  const store = createDesignerStore({ designId: 'd1', design: escalating, version: 1 });
  assert.ok(hasOverlappingNodes(store.getState().nodes), '"Wait for role admin" sits on "Escalate to role admin" as generated');
  const arrangement = await openingArrangement(store.getState().nodes, store.getState().edges);
  assert.ok(arrangement?.positions, 'laid out');
  store.getState().arrange(arrangement.positions, arrangement.routes);
  assert.equal(hasOverlappingNodes(store.getState().nodes), false);
  assert.ok(store.getState().edges.every((e) => e.data?.route), 'every edge routed');
  assert.equal(store.getState().dirty, false, 'nothing to save');
  store.getState().undo();
  assert.equal(hasOverlappingNodes(store.getState().nodes), false, 'nothing to undo');
});

test('an auto-laid-out design gets its routes back when it opens again; one arranged by hand is drawn as it is', async () => {
  const { nodes, edges } = designToFlow(escalating);
  const laidOut = await openingArrangement(nodes, edges);
  const saved = flowToDesign({ ...designToFlow(escalating), nodes: nodes.map((n) => ({ ...n, position: laidOut!.positions!.get(n.id)! })) });
  const reopened = designToFlow(saved);
  const again = await openingArrangement(reopened.nodes, reopened.edges);
  assert.equal(again?.positions, null, 'nodes stay where they are');
  assert.equal(again?.routes.size, edges.length, 'every edge gets its route back');
  const moved = reopened.nodes.map((n, i) => (i === 3 ? { ...n, position: { x: n.position.x + 400, y: n.position.y } } : n));
  assert.equal(await openingArrangement(moved, reopened.edges), null);
});

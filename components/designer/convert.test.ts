import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DesignSchema, type Design } from '@/codegen/design';
import { isValidConnection } from './connection';
import { designToFlow, flowToDesign } from './convert';

const approval: Design = DesignSchema.parse(
  JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')),
);

test('designToFlow → flowToDesign round-trips the approval example exactly', () => {
  assert.deepStrictEqual(flowToDesign(designToFlow(approval)), approval);
});

test('node data holds only the design fields', () => {
  const { nodes } = designToFlow(approval);
  const wait = nodes.find((n) => n.id === 'await-approval')!;
  assert.equal(wait.type, 'wait');
  assert.deepEqual(Object.keys(wait.data).sort(), ['condition', 'description', 'label', 'timeout']);
  assert.equal(nodes.find((n) => n.type === 'start')!.deletable, false);
});

test('edges get explicit handles on the canvas and lose the default ones in the design', () => {
  const flow = designToFlow(approval);
  const byId = new Map(flow.edges.map((e) => [e.id, e]));
  assert.equal(byId.get('e-start')!.sourceHandle, 'next');
  assert.equal(byId.get('e-approve')!.sourceHandle, 'out');
  assert.equal(byId.get('e-approve')!.targetHandle, 'messages');
  assert.equal(byId.get('e-timeout')!.sourceHandle, 'timeout');
  const design = flowToDesign(flow);
  assert.equal(design.edges.find((e) => e.id === 'e-start')!.sourceHandle, undefined);
  assert.equal(design.edges.find((e) => e.id === 'e-approve')!.sourceHandle, undefined);
});

test('flowToDesign rounds positions and output parses with the schema', () => {
  const flow = designToFlow(approval);
  flow.nodes[0] = { ...flow.nodes[0], position: { x: 10.4, y: -3.6 } };
  const design = flowToDesign(flow);
  assert.deepEqual(design.nodes[0].position, { x: 10, y: -4 });
  assert.doesNotThrow(() => DesignSchema.parse(design));
});

test('isValidConnection refuses flow → handler, handler → non-wait, and into Start', () => {
  const { nodes, edges } = designToFlow(approval);
  const g = { nodes, edges };
  const c = (source: string, target: string, targetHandle = 'in') =>
    isValidConnection({ source, target, sourceHandle: null, targetHandle }, g);
  assert.equal(c('is-approved', 'end-approved'), true);
  assert.equal(c('await-approval', 'approve'), false, 'flow → signal');
  assert.equal(c('approve', 'is-approved'), false, 'signal → decision');
  assert.equal(c('approve', 'await-approval', 'messages'), false, 'duplicate handler edge');
  assert.equal(c('add-comment', 'await-approval', 'messages'), true, 'update → wait');
  assert.equal(c('status', 'await-approval', 'messages'), false, 'query → wait');
  assert.equal(c('end-approved', 'start'), false, 'into start');
  assert.equal(c('start', 'await-approval', 'messages'), false, 'flow into message port');
  assert.equal(c('start', 'start'), false);
});

test('flowToDesign converts each unchanged node and edge once; an edited node is converted afresh', () => {
  const flow = designToFlow(approval);
  const first = flowToDesign(flow);
  const wait = flow.nodes.findIndex((n) => n.id === 'await-approval');
  const edited = { ...flow, nodes: flow.nodes.map((n, i) => (i === wait ? ({ ...n, data: { ...n.data, label: 'Typed' } } as typeof n) : n)) };
  const second = flowToDesign(edited);
  second.nodes.forEach((node, i) => {
    if (i === wait) {
      assert.notEqual(node, first.nodes[i]);
      assert.equal(node.label, 'Typed');
    } else {
      assert.equal(node, first.nodes[i], `${node.id} was converted again`);
    }
  });
  second.edges.forEach((edge, i) => assert.equal(edge, first.edges[i]));
  assert.deepStrictEqual(flowToDesign(designToFlow(second)), second);
});

test('an edge whose source node changed type is converted again (its default handle differs)', () => {
  const flow = designToFlow(approval);
  const before = flowToDesign(flow).edges.find((e) => e.id === 'e-approve')!;
  assert.equal(before.sourceHandle, undefined);
  const retyped = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'approve' ? ({ ...n, type: 'timer' } as typeof n) : n)) };
  assert.equal(flowToDesign(retyped).edges.find((e) => e.id === 'e-approve')!.sourceHandle, 'out');
});

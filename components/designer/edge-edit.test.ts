import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DesignSchema, type Design } from '@/codegen/design';
import { designToFlow } from './convert';
import { changeEdge, outputChoices, targetChoices } from './edge-edit';

const approval: Design = DesignSchema.parse(JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')));
const graph = () => designToFlow(approval);
const edge = (g: ReturnType<typeof graph>, id: string) => g.edges.find((e) => e.id === id)!;

test('a node offers its outputs by the names it draws: a wait met/timeout, a decision its branches and else', () => {
  const g = graph();
  assert.deepEqual(outputChoices(g.nodes.find((n) => n.id === 'await-approval')!), [
    { value: 'met', label: 'Condition met' },
    { value: 'timeout', label: 'Timeout' },
  ]);
  assert.deepEqual(outputChoices(g.nodes.find((n) => n.id === 'is-approved')!), [
    { value: 'yes', label: 'Branch "Approved"' },
    { value: 'else', label: 'Else' },
  ]);
});

test('a flow connection may lead to any step a drag would accept; a handler connection only to waits', () => {
  const g = graph();
  const flowTargets = targetChoices(g, edge(g, 'e-met')).map((c) => c.value);
  assert.ok(flowTargets.includes('end-rejected') && flowTargets.includes('is-approved'));
  assert.ok(!flowTargets.includes('start') && !flowTargets.includes('approve') && !flowTargets.includes('await-approval'), flowTargets.join());
  assert.deepEqual(targetChoices(g, edge(g, 'e-approve')).map((c) => c.value), ['await-approval']);
});

test('moving a connection to another output replaces the connection that output had (one place per output)', () => {
  const g = graph();
  const result = changeEdge(g, 'e-met', { sourceHandle: 'timeout' });
  assert.ok(result.ok);
  assert.equal(result.edges.some((e) => e.id === 'e-timeout'), false, 'the old timeout connection is replaced');
  const moved = result.edges.find((e) => e.id === 'e-met')!;
  assert.equal(moved.sourceHandle, 'timeout');
  assert.equal(moved.label, 'timeout', 'drawn like any timeout edge');
  assert.equal(result.edges.length, g.edges.length - 1);
});

test('retargeting keeps the output; refusals say why, as a drag would', () => {
  const g = graph();
  const result = changeEdge(g, 'e-yes', { target: 'end-rejected' });
  assert.ok(result.ok);
  assert.equal(result.edges.find((e) => e.id === 'e-yes')!.target, 'end-rejected');
  assert.deepEqual(changeEdge(g, 'e-yes', { target: 'start' }), { ok: false, reason: 'Start has no inputs' });
  assert.deepEqual(changeEdge(g, 'e-yes', { target: 'is-approved' }), { ok: false, reason: 'A step cannot connect to itself' });
  assert.deepEqual(changeEdge(g, 'e-approve', { target: 'end-approved' }), { ok: false, reason: 'A signal or update connects only to a Wait' });
  assert.equal(changeEdge(g, 'e-yes', { sourceHandle: 'no-such' }).ok, false);
  assert.deepEqual(changeEdge(g, 'gone', { target: 'end-rejected' }), { ok: false, reason: 'That connection no longer exists' });
});

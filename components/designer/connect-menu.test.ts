import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IN_HANDLE, MESSAGES_HANDLE } from '../flow/handles';
import type { DesignerEdge } from '../flow/types';
import { filterKinds, kindsThatFit } from './connect-menu';

const nodes = [
  { id: 'start', type: 'start' },
  { id: 'w', type: 'wait' },
  { id: 'sig', type: 'signal' },
  { id: 'q', type: 'query' },
  { id: 'end', type: 'end' },
];
const graph = { nodes, edges: [] as DesignerEdge[] };
const kinds = (fits: { kind: string }[]) => fits.map((f) => f.kind);

test("from a step's output: every flow step (never Start, never a message handler), entered at its input", () => {
  const fits = kindsThatFit({ nodeId: 'start', id: 'next', type: 'source' }, graph);
  assert.deepEqual(kinds(fits), ['wait', 'timer', 'activity', 'decision', 'assign', 'childWorkflow', 'signalExternal', 'end', 'continueAsNew']);
  assert.ok(fits.every((f) => f.handle === IN_HANDLE));
});

test("from a signal's output: only a Wait, at its messages port; a query's output: nothing", () => {
  assert.deepEqual(kindsThatFit({ nodeId: 'sig', id: 'out', type: 'source' }, graph), [{ kind: 'wait', handle: MESSAGES_HANDLE }]);
  assert.deepEqual(kindsThatFit({ nodeId: 'q', id: 'out', type: 'source' }, graph), []);
});

test("backwards from a step's input: steps with an output, connected from their first one", () => {
  const fits = kindsThatFit({ nodeId: 'end', id: IN_HANDLE, type: 'target' }, graph);
  assert.deepEqual(kinds(fits), ['wait', 'timer', 'activity', 'decision', 'assign', 'childWorkflow', 'signalExternal']);
  assert.equal(fits.find((f) => f.kind === 'wait')!.handle, 'met');
  assert.equal(fits.find((f) => f.kind === 'activity')!.handle, 'next');
});

test("backwards from a wait's messages port: the handlers that can satisfy it (signal, update)", () => {
  assert.deepEqual(kindsThatFit({ nodeId: 'w', id: MESSAGES_HANDLE, type: 'target' }, graph), [
    { kind: 'signal', handle: 'out' },
    { kind: 'update', handle: 'out' },
  ]);
});

test('the search box filters by name or description, case-insensitively, name matches first', () => {
  const items = [{ title: 'Wait', description: 'until a condition holds' }, { title: 'Timer', description: 'sleep for a while' }];
  assert.deepEqual(filterKinds(items, ''), items);
  assert.deepEqual(filterKinds(items, 'TIM'), [items[1]]);
  assert.deepEqual(filterKinds(items, 'condition'), [items[0]]);
  // A name match comes before a description match: Enter picks what was typed.
  const withTimeout = [{ title: 'Wait', description: 'until a condition holds, or a timeout' }, items[1]!];
  assert.deepEqual(filterKinds(withTimeout, 'tim').map((i) => i.title), ['Timer', 'Wait']);
});

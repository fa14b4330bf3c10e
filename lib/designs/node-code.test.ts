import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { nodeCodeLines } from './node-code';

const code = readFileSync(new URL('../../codegen/__golden__/approval/workflows.ts', import.meta.url), 'utf8');
const lines = code.split('\n');
const text = (r: { from: number; to: number } | null) => (r ? lines.slice(r.from - 1, r.to).join('\n') : '');

test('a step’s lines run from its comment to the end of its code', () => {
  const wait = text(nodeCodeLines(code, { id: 'await-approval', type: 'wait' }));
  assert.match(wait, /^ *\/\/ An approver decides through the approve signal\./);
  assert.match(wait, /stepTracker\.enterWaiting\('await-approval', 'Await approval'\)/);
  assert.match(wait, /condition\(\(\) => decided, '7 days'\)/);
  assert.doesNotMatch(wait, /stepTracker\.enter\('is-approved'/);
});

test('a handler’s lines are its whole setHandler call', () => {
  const update = text(nodeCodeLines(code, { id: 'add-comment', type: 'update', name: 'addComment' }));
  assert.match(update, /setHandler\(\n? *addCommentUpdate/);
  assert.match(update, /The comment must not be blank/);
  assert.equal(update.split('\n').at(-1)!.trim(), ');');
  const signal = text(nodeCodeLines(code, { id: 'approve', type: 'signal', name: 'approve' }));
  assert.match(signal, /approveSignal/);
  assert.equal(signal.split('\n').at(-1)!.trim(), '});');
  const query = text(nodeCodeLines(code, { id: 'status', type: 'query', name: 'status' }));
  assert.match(query, /statusQuery/);
});

test('a handler under a wire name is found by its identifier (add_note → addNoteUpdate, get_status → getStatusQuery)', () => {
  const wired = readFileSync(new URL('../../codegen/__golden__/wire-names/workflows.ts', import.meta.url), 'utf8');
  const wiredLines = wired.split('\n');
  const range = (node: { id: string; type: string; name: string }) => {
    const r = nodeCodeLines(wired, node);
    return r ? wiredLines.slice(r.from - 1, r.to).join('\n') : '';
  };
  assert.match(range({ id: 'add-note', type: 'update', name: 'add_note' }), /setHandler\(\n? *addNoteUpdate/);
  assert.match(range({ id: 'get-status', type: 'query', name: 'get_status' }), /getStatusQuery/);
});

test('unknown nodes have no lines', () => {
  assert.equal(nodeCodeLines(code, { id: 'nope', type: 'wait' }), null);
  assert.equal(nodeCodeLines(code, { id: 'x', type: 'signal' }), null);
});

test('in a flow with loops (a state machine), a step is its case block', () => {
  const machine = readFileSync(new URL('../../codegen/__golden__/review-loop/workflows.ts', import.meta.url), 'utf8');
  const id = /case '([^']+)': \{/.exec(machine)![1]!;
  const range = nodeCodeLines(machine, { id, type: 'wait' })!;
  const block = machine.split('\n').slice(range.from - 1, range.to);
  assert.equal(block[0]!.trim(), `case '${id}': {`);
  assert.equal(block.at(-1)!.trim(), '}');
  assert.ok(block.length > 2);
});

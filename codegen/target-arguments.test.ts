import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compileDesign } from './pipeline';
import type { Design, DesignNode } from './schema/design';
import { designArguments, type DesignResolutions } from './validate';

/**
 * A child workflow or signal-external whose target takes separate arguments (`inputArguments` /
 * `arguments: 'positional'`, the chapter's `run(request_id)`, `approve(approver, comment)`) sends
 * them that way, in the target's order — one record there is refused by the target as one wrong
 * first argument. A caller whose values do not name the target's arguments is refused, naming it.
 */

const target = JSON.parse(readFileSync(new URL('./__golden__/positional-arguments/design.json', import.meta.url), 'utf8')) as Design;
const at = { x: 0, y: 0 };

function caller(input: { name: string; value: string }[], args: { name: string; value: string }[]): Design {
  const nodes: DesignNode[] = [
    { id: 'start', type: 'start', label: 'Start', position: at },
    {
      id: 'start-approval',
      type: 'childWorkflow',
      label: 'Start the approval',
      design: target.name,
      workflowId: '"approval-1"',
      input: input.map((v) => ({ ...v, type: 'string' as const })),
      waitForResult: false,
      position: at,
    },
    {
      id: 'approve-it',
      type: 'signalExternal',
      label: 'Approve it',
      design: target.name,
      workflowId: '"approval-1"',
      signal: 'approve',
      args: args.map((v) => ({ ...v, type: 'string' as const })),
      position: at,
    },
    { id: 'end', type: 'end', label: 'Done', outcome: 'complete', result: '"sent"', position: at },
  ];
  const edges = [
    { id: 'e1', source: 'start', target: 'start-approval' },
    { id: 'e2', source: 'start-approval', target: 'approve-it' },
    { id: 'e3', source: 'approve-it', target: 'end' },
  ];
  return { schemaVersion: 1, name: 'CallerWorkflow', input: [], resultType: 'string', variables: [], nodes, edges };
}

const deployed: DesignResolutions = { [target.name]: { taskQueue: 'signalbox-design-t', arguments: designArguments(target) } };

async function workflowsTs(design: Design, designs: DesignResolutions | undefined): Promise<string> {
  const result = await compileDesign(design, { designs });
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  // On one line, as prettier's wrapping has it or not: `f(\n  a,\n)` reads `f(a)`.
  const code = result.files.find((f) => f.path === 'workflows.ts')?.contents ?? '';
  return code.replace(/\s+/g, ' ').replace(/,? ([)\]}>])/g, (_all, close: string) => (close === '}' ? ' }' : close)).replace(/([(<[]) /g, '$1');
}

test('designArguments says how a design takes its input and each signal', () => {
  const shape = designArguments(target);
  assert.deepEqual(shape.input, { arguments: 'positional', fields: [{ name: 'request_id', required: true }, { name: 'max_amount', required: false }] });
  assert.deepEqual(shape.signals.approve, { arguments: 'positional', fields: [{ name: 'approver', required: true }, { name: 'comment', required: false }] });
});

test('to a positional target, the child gets its input and the signal its arguments separately, in the target\'s order', async () => {
  // The caller lists comment before approver: the target's order wins.
  const code = await workflowsTs(caller([{ name: 'request_id', value: '"REQ-1"' }], [{ name: 'comment', value: '"ok"' }, { name: 'approver', value: '"Alice"' }]), deployed);
  assert.match(code, /startChild<\(requestId: string\) => Promise<unknown>>\('PositionalApprovalWorkflow', \{ workflowId: 'approval-1', taskQueue: 'signalbox-design-t', args: \['REQ-1'\], parentClosePolicy: 'ABANDON' \}\)/);
  assert.match(code, /\.signal<\[approver: string, comment: string\]>\('approve', 'Alice', 'ok'\)/);
});

test('a design signalling itself knows its own signal takes separate arguments, deployed or not', async () => {
  const design = structuredClone(target);
  design.nodes.push({ id: 'self-approve', type: 'signalExternal', label: 'Approve myself', design: design.name, workflowId: 'workflowId()', signal: 'approve', args: [{ name: 'approver', type: 'string', value: '"me"' }], position: at });
  design.edges = design.edges.map((e) => (e.id === 'e-start' ? { ...e, target: 'self-approve' } : e));
  design.edges.push({ id: 'e-self', source: 'self-approve', target: 'await-approval' });
  assert.match(await workflowsTs(design, undefined), /\.signal<\[approver: string\]>\('approve', 'me'\)/);
});

test('to a record target, or one whose arguments are unknown (the live code view), one record is sent as before', async () => {
  const design = caller([{ name: 'request_id', value: '"REQ-1"' }], [{ name: 'approver', value: '"Alice"' }]);
  const code = await workflowsTs(design, undefined);
  assert.match(code, /startChild<\(input: \{ request_id: string \}\) => Promise<unknown>>/);
  assert.match(code, /\.signal<\[\{ approver: string \}\]>\('approve', \{ approver: 'Alice' \}\)/);
  const asRecords: DesignResolutions = { [target.name]: { taskQueue: 'q', arguments: designArguments({ ...target, inputArguments: 'record' }) } };
  assert.match(await workflowsTs(design, asRecords), /args: \[\{ request_id: 'REQ-1' \}\]/);
});

test('values that do not name the positional target\'s arguments are refused, naming the node and the arguments', async () => {
  const refusals = async (design: Design) =>
    (await compileDesign(design, { designs: deployed })).diagnostics.filter((d) => d.code === 'reference.positional-arguments').map((d) => [d.nodeId, d.field, d.message]);
  assert.deepEqual(await refusals(caller([{ name: 'requestId', value: '"REQ-1"' }], [{ name: 'approver', value: '"Alice"' }])), [
    ['start-approval', 'input', 'Child workflow "Start the approval": the input of "PositionalApprovalWorkflow" takes separate arguments (request_id, max_amount) in that order; "requestId" is none of them; name each value after the argument it is'],
  ]);
  assert.deepEqual(await refusals(caller([{ name: 'request_id', value: '"REQ-1"' }], [{ name: 'comment', value: '"ok"' }])), [
    ['approve-it', 'args', 'Signal workflow "Approve it": signal "approve" of "PositionalApprovalWorkflow" takes separate arguments (approver, comment) in that order; give "approver" too'],
  ]);
  // Without the target's arguments known, nothing to check against.
  assert.equal((await compileDesign(caller([{ name: 'requestId', value: '"x"' }], []), { designs: { [target.name]: { taskQueue: 'q' } } })).ok, true);
});

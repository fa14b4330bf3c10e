import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../diagnostics';
import type { Design } from '../schema/design';
import { approvalDesign } from '../testing/designs';
import { findDiagnostic, nodeById } from '../testing/lookup';
import { validateDesign } from './index';

function diagnose(edit: (design: Design) => void): Diagnostic[] {
  const design = approvalDesign();
  edit(design);
  return validateDesign(design).diagnostics;
}

test('the approval example is valid without warnings', () => {
  assert.deepEqual(validateDesign(approvalDesign()).diagnostics, []);
});

test('a wait with no outgoing edge is reported on the wait', () => {
  const d = findDiagnostic(diagnose((x) => (x.edges = x.edges.filter((e) => e.source !== 'await-approval'))), 'node.no-outgoing-edge');
  assert.equal(d.nodeId, 'await-approval');
  assert.equal(d.message, 'Wait "Await approval" has no outgoing edge; connect it to the next step or to an End');
});

test('a timeout without its edge, and a decision branch without its edge', () => {
  const diagnostics = diagnose((x) => (x.edges = x.edges.filter((e) => e.id !== 'e-timeout' && e.id !== 'e-yes')));
  const messages = diagnostics.filter((d) => d.code === 'node.missing-output').map((d) => d.message);
  assert.deepEqual(messages.sort(), ['Decision "Approved?" has no edge from its branch "Approved" output', 'Wait "Await approval" has no edge from its "timeout" output']);
});

test('a timeout edge on a wait without timeout is refused', () => {
  const d = findDiagnostic(diagnose((x) => delete nodeById<'wait'>(x, 'await-approval').timeout), 'edge.bad-output');
  assert.equal(d.edgeId, 'e-timeout');
  assert.match(d.message, /its outputs are "met"/);
});

test('no start, and two starts', () => {
  findDiagnostic(diagnose((x) => (x.nodes = x.nodes.filter((n) => n.type !== 'start'))), 'design.no-start');
  const d = findDiagnostic(diagnose((x) => x.nodes.push({ id: 'start2', type: 'start', label: 'Again', position: { x: 0, y: 0 } })), 'design.many-starts');
  assert.equal(d.nodeId, 'start2');
});

test('unreachable nodes are warnings on the node', () => {
  const d = findDiagnostic(diagnose((x) => x.nodes.push({ id: 'lonely', type: 'end', label: 'Lonely', outcome: 'complete', result: '"x"', position: { x: 0, y: 0 } })), 'node.unreachable');
  assert.equal(d.severity, 'warning');
  assert.equal(d.nodeId, 'lonely');
});

test('handlers connect only to waits, and the flow never leads into a handler', () => {
  findDiagnostic(diagnose((x) => x.edges.push({ id: 'bad', source: 'approve', target: 'is-approved' })), 'edge.handler-target');
  findDiagnostic(diagnose((x) => x.edges.push({ id: 'bad', source: 'end-approved', target: 'approve' })), 'edge.into-handler');
});

test('invalid, reserved and duplicate names', () => {
  assert.match(findDiagnostic(diagnose((x) => (nodeById<'signal'>(x, 'approve').name = 'approve now')), 'name.invalid').message, /try "approveNow"/);
  assert.match(findDiagnostic(diagnose((x) => (x.variables[0].name = 'class')), 'name.invalid').message, /reserved word/);
  assert.match(findDiagnostic(diagnose((x) => (x.variables[0].name = 'condition')), 'name.invalid').message, /used by the generated code/);
  const dup = findDiagnostic(diagnose((x) => x.nodes.push({ ...nodeById<'signal'>(x, 'approve'), id: 'approve-again' })), 'name.duplicate');
  assert.equal(dup.nodeId, 'approve-again');
});

test('expression errors carry the node, the field and the position', () => {
  const d = findDiagnostic(diagnose((x) => (nodeById<'wait'>(x, 'await-approval').condition = 'decidd')), 'expression.invalid');
  assert.equal(d.nodeId, 'await-approval');
  assert.equal(d.field, 'condition');
  assert.deepEqual(d.range, { start: 0, end: 6 });
  assert.match(d.message, /^Wait "Await approval", condition: .*did you mean "decided"/);
});

test('a condition must be boolean and a result must match the result type', () => {
  findDiagnostic(diagnose((x) => (nodeById<'wait'>(x, 'await-approval').condition = 'approverName')), 'expression.invalid');
  const d = findDiagnostic(diagnose((x) => (nodeById<'end'>(x, 'end-approved').result = '42')), 'expression.invalid');
  assert.equal(d.nodeId, 'end-approved');
});

test('assignments to undeclared variables are named', () => {
  const d = findDiagnostic(diagnose((x) => nodeById<'signal'>(x, 'approve').assignments.push({ variable: 'approvedBy', value: 'args.approverName' })), 'assignment.unknown-variable');
  assert.equal(d.nodeId, 'approve');
  assert.match(d.message, /"approvedBy", which is not a declared variable/);
});

test('a wait that no message can satisfy is an error; a wait on people without timeout is a warning', () => {
  const unsatisfiable = diagnose((x) => {
    delete nodeById<'wait'>(x, 'await-approval').timeout;
    x.edges = x.edges.filter((e) => e.id !== 'e-timeout');
    nodeById<'signal'>(x, 'approve').assignments = nodeById<'signal'>(x, 'approve').assignments.filter((a) => a.variable !== 'decided');
  });
  assert.match(findDiagnostic(unsatisfiable, 'wait.unsatisfiable').message, /can never finish: no signal or update changes "decided"/);
  const noTimeout = diagnose((x) => {
    delete nodeById<'wait'>(x, 'await-approval').timeout;
    x.edges = x.edges.filter((e) => e.id !== 'e-timeout');
  });
  assert.equal(findDiagnostic(noTimeout, 'wait.no-timeout').severity, 'warning');
});

test('two edges from one output are refused on the node', () => {
  const d = findDiagnostic(diagnose((x) => x.edges.push({ id: 'loop', source: 'is-approved', sourceHandle: 'else', target: 'await-approval' })), 'edge.output-twice');
  assert.equal(d.nodeId, 'is-approved');
  assert.equal(d.edgeId, 'loop');
});

test('loops and joins are valid (they are emitted as a state machine)', () => {
  const diagnostics = diagnose((x) => {
    x.nodes.push({ id: 'note', type: 'activity', label: 'Note', activity: 'log', args: { message: '"x"' }, position: { x: 0, y: 0 } });
    x.edges = x.edges.map((e) => (e.id === 'e-else' ? { ...e, target: 'note' } : e));
    x.edges.push({ id: 'back', source: 'note', target: 'await-approval' });
    x.nodes = x.nodes.filter((n) => n.id !== 'end-rejected');
  });
  // Valid, but a rejection can go round forever: the loop's history is unbounded (a warning, not an error).
  assert.deepEqual(diagnostics.map((d) => `${d.severity} ${d.code}`), ['warning loop.unbounded-history']);
});

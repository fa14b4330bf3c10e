import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDesign } from '../pipeline';
import type { Design, NodeOfType } from '../schema/design';
import { goldenDesign } from '../testing/fixtures';
import { findDiagnostic, nodeById } from '../testing/lookup';
import { validateDesign } from '../validate';
import { typecheckInMemory } from '../verify/in-memory';
import { GENERATED_CODE_COMPILER_OPTIONS } from '../verify/typecheck';
import { activity } from './activity';
import { childWorkflow } from './childWorkflow';

/**
 * Failures as paths on the canvas: an activity (or a waited-for child) with `onFailure` offers a
 * "failure" output taken once its retries are spent, with `failure.type` and `failure.message`
 * in scope on that path; without it nothing changes. The golden activity-failure shows the state
 * machine's form; these tests the nested form, the scope rules and the child.
 */
const workflowsOf = (files: { path: string; contents: string }[]) => files.find((f) => f.path === 'workflows.ts')?.contents ?? '';

/** The order golden's charge activity with a failure path to a new End that reports what failed. */
function withFailurePath(result = '"Charge failed (" + failure.type + "): " + failure.message'): Design {
  const design = goldenDesign('custom-activity');
  const discount = nodeById<'activity'>(design, 'discount');
  discount.onFailure = true;
  design.nodes.push({ id: 'end-failed', type: 'end', label: 'Failed', position: { x: 0, y: 0 }, outcome: 'complete', result });
  design.edges.push({ id: 'e-failed', source: 'discount', sourceHandle: 'failure', target: 'end-failed' });
  return design;
}

test('onFailure adds a "failure" output beside "next"; without it there is only "next"', () => {
  assert.deepEqual(activity.outputs({ onFailure: true }), ['next', 'failure']);
  assert.deepEqual(activity.outputs({}), ['next']);
  assert.deepEqual(childWorkflow.outputs({ onFailure: true, waitForResult: true }), ['next', 'failure']);
});

test('an unconnected failure output is reported on the node', () => {
  const design = goldenDesign('custom-activity');
  nodeById<'activity'>(design, 'discount').onFailure = true;
  const d = findDiagnostic(validateDesign(design).diagnostics, 'node.missing-output');
  assert.equal(d.nodeId, 'discount');
  assert.match(d.message, /no edge from its "on failure" output/);
});

test('nested code: only the call is in the try; the failure path runs in the catch with `const failure`', async () => {
  const result = await compileDesign(withFailurePath());
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const code = workflowsOf(result.files);
  assert.match(code, /try \{\n\s+discount = await computeDiscount\(\{[^}]*\}\);\n\s+\} catch \(err\) \{\n\s+if \(!\(err instanceof ActivityFailure\) \|\| isCancellation\(err\)\) throw err;\n\s+const failure = failureOf\(err\);/);
  assert.match(code, /return 'Charge failed \(' \+ failure\.type \+ '\): ' \+ failure\.message;\n\s+\}\n/);
  assert.match(code, /function failureOf\(err: TemporalFailure\): \{ type: string; message: string \}/);
  assert.match(code, /import \{\n(\s+\w+,\n)*\s+ActivityFailure,\n/);
  assert.doesNotMatch(code, /let failure/);
});

test('a failure path that does not read the failure keeps nothing (no unused const, no failureOf)', async () => {
  const result = await compileDesign(withFailurePath('"Charge failed"'));
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const code = workflowsOf(result.files);
  assert.match(code, /if \(!\(err instanceof ActivityFailure\) \|\| isCancellation\(err\)\) throw err;\n\s+stepTracker/);
  assert.doesNotMatch(code, /failureOf/);
});

test('without onFailure the call is not wrapped: its failure fails the run as before', async () => {
  const result = await compileDesign(goldenDesign('custom-activity'));
  assert.ok(result.ok);
  assert.doesNotMatch(workflowsOf(result.files), /try \{|ActivityFailure/);
});

test('`failure` is only in scope on the failure path: read elsewhere it is an unknown name', () => {
  const design = withFailurePath();
  const end = design.nodes.find((n) => n.type === 'end' && n.id !== 'end-failed') as NodeOfType<'end'>;
  end.result = 'failure.message';
  const d = findDiagnostic(validateDesign(design).diagnostics, 'expression.invalid');
  assert.equal(d.nodeId, end.id);
  assert.match(d.message, /failure/);
});

test('a step reached both after a failure and without one does not see `failure` (it would be stale)', () => {
  const design = withFailurePath('failure.message');
  // The failure path joins the normal path's End: that End runs without a failure too.
  const normalEnd = design.edges.find((e) => e.source !== 'discount' && design.nodes.find((n) => n.id === e.target)?.type === 'end')!;
  design.edges.find((e) => e.id === 'e-failed')!.target = normalEnd.target;
  (design.nodes.find((n) => n.id === normalEnd.target) as NodeOfType<'end'>).result = 'failure.message';
  assert.ok(validateDesign(design).diagnostics.some((d) => d.code === 'expression.invalid' && d.nodeId === normalEnd.target));
});

test('a variable named `failure` is refused: the generated code uses the name', () => {
  const design = goldenDesign('custom-activity');
  design.variables.push({ name: 'failure', type: 'string', initial: '""' });
  assert.ok(validateDesign(design).diagnostics.some((d) => d.severity === 'error' && /"failure" is used by the generated code/.test(d.message)));
});

test('a child workflow it waits for: ChildWorkflowFailure; one it only starts cannot have a failure output', async () => {
  const design = goldenDesign('orchestrator');
  const audit = nodeById<'childWorkflow'>(design, 'run-audit');
  audit.onFailure = true;
  design.nodes.push({ id: 'end-audit-failed', type: 'end', label: 'Audit failed', position: { x: 0, y: 0 }, outcome: 'complete', result: '"Audit failed: " + failure.message' });
  design.edges.push({ id: 'e-audit-failed', source: 'run-audit', sourceHandle: 'failure', target: 'end-audit-failed' });
  const result = await compileDesign(design, { designs: { TaskWorkerWorkflow: { taskQueue: 'signalbox-design-w' } } });
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const code = workflowsOf(result.files);
  // The orchestrator loops (a state machine): the path's End reads the workflow's `failure` variable.
  assert.match(code, /try \{\n\s+audit = await executeChild<[\s\S]*?\}\);\n\s+\} catch \(err\) \{\n\s+if \(!\(err instanceof ChildWorkflowFailure\) \|\| isCancellation\(err\)\) throw err;\n\s+failure = failureOf\(err\);/);
  assert.match(code, /let failure = \{ type: '', message: '' \};/);

  const started = nodeById<'childWorkflow'>(design, 'start-worker');
  started.onFailure = true;
  const d = findDiagnostic(validateDesign(design).diagnostics, 'child.failure-without-wait');
  assert.equal(d.nodeId, 'start-worker');
  assert.equal(d.field, 'onFailure');
});

test('nested code with two catching activities, one path reading the failure and one not, type-checks strictly (no unused names)', async () => {
  const design = withFailurePath();
  nodeById<'activity'>(design, 'archive').onFailure = true;
  design.nodes.push({ id: 'end-not-archived', type: 'end', label: 'Not archived', position: { x: 0, y: 0 }, outcome: 'complete', result: '"Quoted, not archived"' });
  design.edges.push({ id: 'e-not-archived', source: 'archive', sourceHandle: 'failure', target: 'end-not-archived' });
  const result = await compileDesign(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  assert.equal(workflowsOf(result.files).match(/\} catch \(err\) \{/g)?.length, 2);
  const [diagnostics] = typecheckInMemory([{ files: result.files.filter((f) => f.path.endsWith('.ts')) }], { ...GENERATED_CODE_COMPILER_OPTIONS, types: ['node'] });
  assert.deepEqual(diagnostics, []);
});

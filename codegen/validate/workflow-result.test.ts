import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../diagnostics';
import { compileDesign } from '../pipeline';
import type { Design } from '../schema/design';
import { approvalDesign } from '../testing/designs';
import { findDiagnostic, nodeById } from '../testing/lookup';
import { validateDesign } from './index';

/** The approval design returning a record: who decided, and whether they approved. */
function recordDesign(edit: (design: Design) => void = () => {}): Design {
  const design = approvalDesign();
  design.resultType = 'record';
  nodeById<'end'>(design, 'end-approved').result = '{approved: true, approver: approverName}';
  nodeById<'end'>(design, 'end-rejected').result = '{approved: false, approver: approverName}';
  nodeById<'end'>(design, 'end-timed-out').result = '{approved: false, approver: ""}';
  edit(design);
  return design;
}

const errors = (design: Design): Diagnostic[] => validateDesign(design).diagnostics.filter((d) => d.severity === 'error');

test('a record result: the Ends\' record is the workflow\'s return type', async () => {
  assert.deepEqual(errors(recordDesign()), []);
  const result = await compileDesign(recordDesign());
  assert.ok(result.ok);
  const workflow = result.files.find((f) => f.path === 'workflows.ts')?.contents ?? '';
  assert.match(workflow, /Promise<\{ approved: boolean; approver: string \}>/);
  assert.match(workflow, /return \{\s*approved: true,\s*approver: approverName,?\s*\};/);
});

test('a record result refuses an End that gives something else, naming the End', () => {
  const d = findDiagnostic(errors(recordDesign((x) => (nodeById<'end'>(x, 'end-timed-out').result = '"timed out"'))), 'end.result-type');
  assert.equal(d.nodeId, 'end-timed-out');
  assert.equal(d.field, 'result');
  assert.match(d.message, /the workflow's result is a record, but this result is string; write a record such as/);
});

test('a record result refuses Ends whose records differ (a missing field, another type, an optional field)', () => {
  for (const other of ['{approved: false}', '{approved: false, approver: 1}', '{approved: false, approver: 1 > 2 ? "x" : none}']) {
    const d = findDiagnostic(errors(recordDesign((x) => (nodeById<'end'>(x, 'end-rejected').result = other))), 'end.result-type');
    assert.equal(d.nodeId, 'end-rejected', other);
    assert.match(d.message, /differs from \{ approved: boolean; approver: string \} of End "[^"]+"; every End returns the same record/);
  }
});

test('a failing End keeps a text message under a record result', () => {
  const design = recordDesign((x) => {
    const end = nodeById<'end'>(x, 'end-timed-out');
    end.outcome = 'fail';
    end.result = '"No decision"';
  });
  assert.deepEqual(errors(design), []);
  const bad = recordDesign((x) => {
    const end = nodeById<'end'>(x, 'end-timed-out');
    end.outcome = 'fail';
    end.result = '{approved: false}';
  });
  findDiagnostic(errors(bad), 'expression.invalid');
});

test('the other result types are unchanged: a record End under a text result is refused', () => {
  const design = recordDesign();
  design.resultType = 'string';
  assert.equal(findDiagnostic(errors(design), 'expression.invalid').nodeId, 'end-approved');
});

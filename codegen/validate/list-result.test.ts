import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../diagnostics';
import { compileDesign } from '../pipeline';
import type { Design } from '../schema/design';
import { approvalDesign } from '../testing/designs';
import { findDiagnostic, nodeById } from '../testing/lookup';
import { validateDesign } from './index';

/**
 * A `list` result (6.4.3's worker: `return self.tasks`): the Ends' list is the workflow's return
 * type, inferred like a record's fields.
 */
function listDesign(edit: (design: Design) => void = () => {}): Design {
  const design = approvalDesign();
  design.resultType = 'list';
  design.variables.push({ name: 'notes', type: 'list', items: 'string', initial: '[]' });
  nodeById<'end'>(design, 'end-approved').result = 'append(notes, approverName)';
  nodeById<'end'>(design, 'end-rejected').result = 'notes';
  nodeById<'end'>(design, 'end-timed-out').result = 'notes';
  edit(design);
  return design;
}

const errors = (design: Design): Diagnostic[] => validateDesign(design).diagnostics.filter((d) => d.severity === 'error');

test('a list result: the Ends\' list is the workflow\'s return type', async () => {
  assert.deepEqual(errors(listDesign()), []);
  const result = await compileDesign(listDesign());
  assert.ok(result.ok);
  const workflow = result.files.find((f) => f.path === 'workflows.ts')?.contents ?? '';
  assert.match(workflow, /Promise<string\[\]>/);
  assert.match(workflow, /return \[\.\.\.notes, approverName\];/);
});

test('a list result refuses an End that gives something else, naming the End', () => {
  const d = findDiagnostic(errors(listDesign((x) => (nodeById<'end'>(x, 'end-timed-out').result = '"timed out"'))), 'end.result-type');
  assert.equal(d.nodeId, 'end-timed-out');
  assert.equal(d.field, 'result');
  assert.match(d.message, /the workflow's result is a list, but this result is string; write a list such as/);
});

test('a list result refuses Ends whose lists differ in their items', () => {
  const d = findDiagnostic(errors(listDesign((x) => (nodeById<'end'>(x, 'end-timed-out').result = 'map(notes, note => len(note))'))), 'end.result-type');
  assert.equal(d.nodeId, 'end-timed-out');
  assert.match(d.message, /differs from .* every End returns the same list/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDesign } from '../pipeline';
import type { Design, HandlerNode } from '../schema/design';
import { approvalDesign } from '../testing/designs';
import { findDiagnostic, nodeById } from '../testing/lookup';
import { validateDesign } from './index';

/** The approval design with an `approve` update beside its `approve` signal (Temporal routes each call by kind). */
function withApproveUpdate(edit: (update: HandlerNode) => void = () => {}): Design {
  const design = approvalDesign();
  const update: HandlerNode = {
    ...nodeById<'update'>(design, 'add-comment'),
    id: 'approve-update',
    name: 'approve',
  };
  edit(update);
  design.nodes.push(update);
  return design;
}

test('a signal and an update may share a wire name; their argument types get the kind in their names', async () => {
  const design = withApproveUpdate();
  assert.deepEqual(validateDesign(design).diagnostics.filter((d) => d.severity === 'error'), []);
  const result = await compileDesign(design);
  assert.ok(result.ok);
  const shared = result.files.find((f) => f.path === 'shared.ts')?.contents ?? '';
  assert.match(shared, /defineSignal<\[SignalApproveArgs\]>\('approve'\)/);
  assert.match(shared, /defineUpdate<[^,]+, \[UpdateApproveArgs\]>\('approve'\)/);
  assert.doesNotMatch(shared, /\bApproveArgs\b/);
});

test('a query may share a signal\'s name too', () => {
  const design = approvalDesign();
  nodeById<'query'>(design, 'status').name = 'approve';
  assert.deepEqual(validateDesign(design).diagnostics.filter((d) => d.severity === 'error'), []);
});

test('two messages of one kind with one name are still refused, naming both', () => {
  const design = withApproveUpdate((u) => (u.name = 'addComment'));
  const d = findDiagnostic(validateDesign(design).diagnostics, 'name.duplicate');
  assert.equal(d.nodeId, 'approve-update');
  assert.match(d.message, /are both updates named "addComment"; the names of one kind of message must be unique/);
});

test('a kind-named type that collides with another message\'s is refused', () => {
  // update "approve" → UpdateApproveArgs, which a signal named update_approve would take as well.
  const design = withApproveUpdate();
  design.nodes.push({ ...nodeById<'signal'>(design, 'approve'), id: 'update-approve', name: 'update_approve' });
  const d = findDiagnostic(validateDesign(design).diagnostics, 'name.collision');
  assert.match(d.message, /UpdateApproveArgs/);
});

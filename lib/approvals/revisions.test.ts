import assert from 'node:assert/strict';
import { test } from 'node:test';
import { approverInAnyRevision, canonicalJson, formVersionOf, revisionsOf, specForVersion, storedDocument } from './revisions';
import { ApprovalProcessSpecSchema, describeIssuePath } from './spec';

const spec = (name: string) => ApprovalProcessSpecSchema.parse({ name, fields: [], levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }] }] });

test('a process stored before revisions has one: version 1 with its spec', () => {
  const v1 = spec('One');
  assert.deepEqual(revisionsOf({ ...v1 }, v1), [{ designVersion: 1, spec: v1 }]);
});

test('the stored document keeps the current spec readable and the revisions beside it; a request gets the spec of its version', () => {
  const [v1, v3] = [spec('One'), spec('Three')];
  const document = storedDocument(v3, [{ designVersion: 1, spec: v1 }, { designVersion: 3, spec: v3 }]);
  assert.equal(ApprovalProcessSpecSchema.parse(document).name, 'Three', 'the current spec reads as before');
  const revisions = revisionsOf(JSON.parse(JSON.stringify(document)) as Record<string, unknown>, v3);
  assert.equal(formVersionOf(revisions), 3);
  assert.equal(specForVersion(revisions, 1).name, 'One');
  assert.equal(specForVersion(revisions, 2).name, 'One', 'a canvas version after the form made version 1 keeps its levels');
  assert.equal(specForVersion(revisions, 3).name, 'Three');
  assert.equal(specForVersion(revisions, undefined).name, 'Three');
});

test('canonical JSON ignores key order (jsonb reorders keys) but not content', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } }), canonicalJson({ a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 }));
  assert.notEqual(canonicalJson({ a: [1, 2] }), canonicalJson({ a: [2, 1] }));
});

test('issue paths in the form\'s words name the level and the field', () => {
  assert.equal(describeIssuePath('levels.1.approvers.0.name'), 'Level 2 › approver 1 › name');
  assert.equal(describeIssuePath('levels.0.onDeadline.then.to.name'), 'Level 1 › at the deadline › at the escalated deadline › to › name');
  assert.equal(describeIssuePath('fields.2.name'), 'Field 3 › name');
});

test('an approver an edit removed still approves in the versions that list them (their requests keep those versions)', () => {
  const v1 = ApprovalProcessSpecSchema.parse({ name: 'P', fields: [], levels: [{ name: 'L', approvers: [{ kind: 'user', name: 'ann' }] }] });
  const v2 = ApprovalProcessSpecSchema.parse({ name: 'P', fields: [], levels: [{ name: 'L', approvers: [{ kind: 'user', name: 'carl' }] }] });
  const revisions = [{ designVersion: 1, spec: v1 }, { designVersion: 2, spec: v2 }];
  assert.equal(approverInAnyRevision(revisions, { username: 'ann', roles: [] }), true);
  assert.equal(approverInAnyRevision(revisions, { username: 'carl', roles: [] }), true);
  assert.equal(approverInAnyRevision(revisions, { username: 'zed', roles: ['approver'] }), false);
});

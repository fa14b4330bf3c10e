/**
 * Editing an approval process from the form, through the REST API against a real Temporal server
 * and a worker host (testing/stack.ts): the edit is a new version of the same design, deployed
 * at once; a request submitted before it keeps the version it started on (its levels, its code), a
 * new one runs the new version; a change made on the canvas since the form generated the design is
 * not overwritten silently (409, nothing saved) unless asked to.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getDesign, listAudit } from '@/db/repository';
import { call, signInNewUser } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as versionsRoute from '../designs/[id]/versions/route';
import * as decisionRoute from '../inbox/[workflowId]/decision/route';
import * as requestRoute from '../requests/[workflowId]/route';
import * as requestsRoute from '../requests/route';
import * as processRoute from './[id]/route';
import * as processesRoute from './route';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'process-edit' });
});

after(() => stack?.stop());

test('an edit is a new deployed version of the same design; running requests keep theirs; canvas changes are not overwritten silently', { skip, timeout: 300_000 }, async () => {
  const designer = await signInNewUser('dora', ['designer']);
  const rita = await signInNewUser('rita', ['requester']);
  const ann = await signInNewUser('ann', ['approver']);
  const bob = await signInNewUser('bob', ['approver']);
  const carl = await signInNewUser('carl', ['approver']);

  const v1 = { name: 'Travel', fields: [{ name: 'cost', type: 'money', required: true }], levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'ann' }] }] };
  const created = await call(processesRoute.POST, { ...designer, body: { spec: v1 } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id: string = created.body.process.id;
  const designId: string = created.body.process.designId;
  const opened = await call(processRoute.GET, { ...designer, params: { id } });
  assert.deepEqual(
    [opened.body.process.latestVersion, opened.body.process.formVersion, opened.body.process.deployedVersion, opened.body.process.changedOnCanvas],
    [1, 1, 1, false],
  );

  const submit = () =>
    eventually('the worker to serve the process', async () => {
      const r = await call(requestsRoute.POST, { ...rita, body: { processId: id, fields: { cost: '900.00' } } });
      return r.status === 201 ? (r.body.request.workflowId as string) : (assert.equal(r.status, 201, JSON.stringify(r.body)), undefined);
    });
  const onV1 = await submit();

  // Bad input names the level and the field; nothing is saved.
  const invalid = await call(processRoute.PUT, { ...designer, params: { id }, body: { spec: { ...v1, levels: [...v1.levels, { name: 'Finance', approvers: [{ kind: 'user', name: 'bob' }], required: 3 }] }, baseVersion: 1 } });
  assert.equal(invalid.status, 400);
  assert.equal(invalid.body.error.field, 'levels.1.required');
  assert.match(invalid.body.error.message, /Level 2 › approvals needed: needs 3 approvals but only 1 approver is listed/);
  assert.equal((await getDesign({ id: designId }))?.latestVersion, 1, 'nothing saved');
  assert.equal((await call(processRoute.PUT, { ...rita, params: { id }, body: { spec: v1 } })).status, 403, 'requesters cannot edit');

  // The edit: carl leads instead of ann, and a second level. Version 2 of the same design, deployed.
  const v2 = { ...v1, levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'carl' }] }, { name: 'Finance', approvers: [{ kind: 'user', name: 'bob' }] }] };
  const edited = await call(processRoute.PUT, { ...designer, params: { id }, body: { spec: v2, baseVersion: 1 } });
  assert.equal(edited.status, 201, JSON.stringify(edited.body));
  assert.deepEqual([edited.body.version, edited.body.saved, edited.body.deployment.version, edited.body.deployment.designId], [2, true, 2, designId]);
  assert.equal(edited.body.process.spec.levels.length, 2);
  assert.deepEqual((await getDesign({ id: designId }))?.versions.map((v) => v.version), [2, 1], "the design's history has both versions");

  // The request submitted before the edit stays on version 1: one level, approved by ann alone
  // (no longer an approver in version 2, still one in the version her request runs).
  const before = await call(requestRoute.GET, { ...rita, params: { workflowId: onV1 } });
  assert.deepEqual(before.body.request.status.levels.map((l: { name: string }) => l.name), ['Lead'], 'shown with the levels of its version');
  assert.equal((await call(decisionRoute.POST, { ...ann, params: { workflowId: onV1 }, body: { approve: true, comment: '', level: 1 } })).status, 200);
  const finishedV1 = await eventually('the v1 request to finish', async () => {
    const { body } = await call(requestRoute.GET, { ...rita, params: { workflowId: onV1 } });
    return body.request.executionStatus === 'COMPLETED' ? body.request : undefined;
  });
  assert.equal(finishedV1.status.outcome, 'approved', 'version 1 had no Finance level');

  // A new request runs version 2: Finance must approve too.
  const onV2 = await submit();
  const annOnV2 = await call(decisionRoute.POST, { ...ann, params: { workflowId: onV2 }, body: { approve: true, comment: '', level: 1 } });
  assert.equal(annOnV2.status, 422, 'ann does not lead in version 2: the workflow refuses');
  assert.equal((await call(decisionRoute.POST, { ...carl, params: { workflowId: onV2 }, body: { approve: true, comment: '', level: 1 } })).status, 200);
  const atFinance = await call(requestRoute.GET, { ...rita, params: { workflowId: onV2 } });
  assert.deepEqual(atFinance.body.request.status.levels.map((l: { name: string; state: string }) => `${l.name}:${l.state}`), ['Lead:approved', 'Finance:open']);
  assert.equal((await call(decisionRoute.POST, { ...bob, params: { workflowId: onV2 }, body: { approve: true, comment: '', level: 2 } })).status, 200);

  // Someone changes the design on the canvas (version 3): the form sees it and does not overwrite it silently.
  const canvasDesign = structuredClone((await getDesign({ id: designId }))!.design);
  canvasDesign.description = 'Tweaked on the canvas';
  const canvasSave = await call(versionsRoute.POST, { ...designer, params: { id: designId }, body: { design: canvasDesign, baseVersion: 2 } });
  assert.equal(canvasSave.status, 201, JSON.stringify(canvasSave.body));
  const reopened = await call(processRoute.GET, { ...designer, params: { id } });
  assert.deepEqual([reopened.body.process.latestVersion, reopened.body.process.formVersion, reopened.body.process.changedOnCanvas], [3, 2, true]);
  const v4 = { ...v2, levels: [{ ...v2.levels[0]!, name: 'Team lead' }, v2.levels[1]!] };
  const refused = await call(processRoute.PUT, { ...designer, params: { id }, body: { spec: v4, baseVersion: 3 } });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.error.code, 'process.changed-on-canvas');
  assert.match(refused.body.error.message, /changed on the canvas since the form generated it/);
  assert.equal((await getDesign({ id: designId }))?.latestVersion, 3, 'nothing saved');
  const stale = await call(processRoute.PUT, { ...designer, params: { id }, body: { spec: v4, baseVersion: 2, overwrite: false } });
  assert.equal(stale.status, 409);

  const overwritten = await call(processRoute.PUT, { ...designer, params: { id }, body: { spec: v4, baseVersion: 3, overwrite: true } });
  assert.equal(overwritten.status, 201, JSON.stringify(overwritten.body));
  assert.equal(overwritten.body.version, 4);
  const after4 = await getDesign({ id: designId });
  assert.deepEqual(after4?.versions.map((v) => v.version), [4, 3, 2, 1], 'the canvas version stays in the history');
  assert.equal(after4?.design.description?.includes('Tweaked'), false, 'the newest version is the form’s');
  const afterOverwrite = await call(processRoute.GET, { ...designer, params: { id } });
  assert.deepEqual([afterOverwrite.body.process.formVersion, afterOverwrite.body.process.changedOnCanvas, afterOverwrite.body.process.deployedVersion], [4, false, 4]);

  // Saving the same spec again makes no new version: it redeploys the current one.
  const again = await call(processRoute.PUT, { ...designer, params: { id }, body: { spec: v4, baseVersion: 4 } });
  assert.deepEqual([again.status, again.body.version, again.body.saved], [201, 4, false]);

  // With progress streamed, the last line is the answer, with the version it deployed.
  const streamed = await processRoute.PUT(
    new Request(`http://localhost/api/processes/${id}`, {
      method: 'PUT',
      headers: { ...designer.headers, 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ spec: v4, baseVersion: 4 }),
    }),
    { params: Promise.resolve({ id }) },
  );
  const lines = (await streamed.text()).trim().split('\n').map((line) => JSON.parse(line) as { type: string; stage?: string; status?: number; body?: Record<string, unknown> });
  assert.ok(lines.some((l) => l.type === 'progress' && l.stage === 'start-worker'), 'progress lines first');
  const result = lines[lines.length - 1]!;
  assert.deepEqual([result.type, result.status, result.body?.version, result.body?.saved], ['result', 201, 4, false]);

  const audit = (await listAudit({ target: `process:${id}` })).map((e) => e.action);
  assert.equal(audit.filter((a) => a === 'approval.process-update').length, 4);
});

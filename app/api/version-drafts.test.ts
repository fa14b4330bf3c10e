/**
 * Versions from outside (issue 14): autosave PUTs a draft that makes no version; Save (POST versions,
 * with or without a design) makes one with a message and its author; the history lists who, what and
 * which version is deployed/current; the diff names the changed step and the generated code's lines.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createDeployment } from '@/db/repository';
import { call, signInNewUser } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as designRoute from './designs/[id]/route';
import * as diffRoute from './designs/[id]/diff/route';
import * as draftRoute from './designs/[id]/draft/route';
import * as versionsRoute from './designs/[id]/versions/route';
import * as designsRoute from './designs/route';

const approval = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

useInMemoryApp();

async function newDesign(): Promise<string> {
  return (await call(designsRoute.POST, { body: { design: approval } })).body.id;
}

test('autosave stores a draft and makes no version; Save makes one from it with the message and who saved', async () => {
  const ana = await signInNewUser('ana-versions', ['designer']);
  const id = await newDesign();
  for (const label of ['Wait 1', 'Wait 2', 'Wait 3']) {
    const design = { ...approval, nodes: approval.nodes.map((n: { id: string }) => (n.id === 'await-approval' ? { ...n, label } : n)) };
    assert.equal((await call(draftRoute.PUT, { ...ana, params: { id }, body: { design, baseVersion: 1 } })).status, 200);
  }
  const opened = await call(designRoute.GET, { params: { id } });
  assert.equal(opened.body.latestVersion, 1, 'three autosaves made no version');
  assert.equal(opened.body.draft.baseVersion, 1);
  assert.equal(opened.body.draft.updatedBy.displayName, 'ana-versions');
  assert.equal(opened.body.draft.design.nodes.find((n: { id: string }) => n.id === 'await-approval').label, 'Wait 3');

  const saved = await call(versionsRoute.POST, { ...ana, params: { id }, body: { message: 'Clearer wait label' } });
  assert.equal(saved.status, 201);
  assert.deepEqual(saved.body, { version: 2, created: true });
  const withDesign = await call(versionsRoute.POST, { params: { id }, body: { design: approval } });
  assert.deepEqual({ status: withDesign.status, body: withDesign.body }, { status: 201, body: { version: 3 } }, 'a save with a design answers as before drafts');
  assert.equal((await call(designRoute.GET, { params: { id } })).body.draft, null);
  const again = await call(versionsRoute.POST, { ...ana, params: { id }, body: {} });
  assert.deepEqual({ status: again.status, body: again.body }, { status: 200, body: { version: 3, created: false } });

  const history = await call(versionsRoute.GET, { params: { id } });
  assert.equal(history.status, 200);
  const [, v2, v1] = history.body.versions;
  assert.deepEqual({ version: v2.version, message: v2.message, author: v2.author.displayName }, { version: 2, message: 'Clearer wait label', author: 'ana-versions' });
  assert.equal(v1.message, null);
  assert.ok(!Number.isNaN(Date.parse(v2.createdAt)));
});

test('a draft over a version saved elsewhere is a 409 naming the current version; discard returns to the version', async () => {
  const id = await newDesign();
  await call(versionsRoute.POST, { params: { id }, body: { design: { ...approval, name: 'Elsewhere' }, message: 'from tab A' } });
  const stale = await call(draftRoute.PUT, { params: { id }, body: { design: { ...approval, name: 'TabB' }, baseVersion: 1 } });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.currentVersion ?? stale.body.error.details?.currentVersion, 2);
  await call(draftRoute.PUT, { params: { id }, body: { design: { ...approval, name: 'TabB' }, baseVersion: 2 } });
  const discarded = await call(draftRoute.DELETE, { params: { id } });
  assert.deepEqual({ discarded: discarded.body.discarded, version: discarded.body.version, name: discarded.body.design.name }, { discarded: true, version: 2, name: 'Elsewhere' });
  assert.equal((await call(designRoute.GET, { params: { id } })).body.draft, null);
});

test('bad input names the field: a missing baseVersion, a message with a line break, a viewer may not autosave', async () => {
  const id = await newDesign();
  const noBase = await call(draftRoute.PUT, { params: { id }, body: { design: approval } });
  assert.equal(noBase.status, 400);
  assert.match(JSON.stringify(noBase.body), /baseVersion/);
  const badMessage = await call(versionsRoute.POST, { params: { id }, body: { message: 'two\nlines' } });
  assert.equal(badMessage.status, 400);
  assert.match(JSON.stringify(badMessage.body), /message/);
  assert.equal((await call(draftRoute.PUT, { as: 'viewer', params: { id }, body: { design: approval, baseVersion: 1 } })).status, 403);
  assert.equal((await call(draftRoute.PUT, { params: { id: 'missing' }, body: { design: approval, baseVersion: 1 } })).status, 404);
});

test('the history marks the deployed version; the diff names the changed step and the code lines', async () => {
  const id = await newDesign();
  const changed = { ...approval, nodes: approval.nodes.map((n: { id: string }) => (n.id === 'await-approval' ? { ...n, timeout: { amount: 3, unit: 'days' } } : n)) };
  await call(versionsRoute.POST, { params: { id }, body: { design: changed, message: 'Three days' } });
  await createDeployment({ designId: id, version: 2, workflowType: 'ApprovalWorkflow', files: [], bundle: 'x' });
  const versions = (await call(versionsRoute.GET, { params: { id } })).body.versions;
  assert.deepEqual(versions.map((v: { version: number; deployed: boolean; current: boolean }) => [v.version, v.deployed, v.current]), [[2, true, true], [1, false, false]]);

  const diff = await call(diffRoute.GET, { url: 'http://localhost/api?from=1&to=2', params: { id } });
  assert.equal(diff.status, 200);
  assert.deepEqual(diff.body.summary.steps.changed.map((s: { id: string; fields: string[] }) => [s.id, s.fields]), [['await-approval', ['timeout']]]);
  assert.equal(diff.body.code.ok, true);
  const lines = diff.body.code.files.flatMap((f: { hunks: { op: string; text: string }[][] }) => f.hunks.flat());
  assert.ok(lines.some((l: { op: string; text: string }) => l.op === '+' && /3 days|'3d'|3 \* 24|259200/.test(l.text)), JSON.stringify(lines.filter((l: { op: string }) => l.op !== ' ')));

  assert.equal((await call(diffRoute.GET, { url: 'http://localhost/api?from=1', params: { id } })).body.error.field, 'to');
  assert.equal((await call(diffRoute.GET, { url: 'http://localhost/api?from=1&to=9', params: { id } })).status, 404);
});

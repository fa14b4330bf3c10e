/** Repository tests shared by the PGlite unit test and the PostgreSQL integration test. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { deployIntents } from './schema';
import {
  activeDeployments,
  beginDeployIntent,
  deploymentReplay,
  endDeployIntent,
  workerHostPoll,
  createDeployment,
  deploymentByBuildId,
  designVersioningBehavior,
  setDesignVersioningBehavior,
  createDesign,
  DesignValidationError,
  getDeployment,
  getDesign,
  getVersion,
  latestDeployment,
  listDeployments,
  listDesigns,
  saveVersion,
  setDeploymentStatus,
} from './repository';

export function runRepositorySuite(getDb: () => Db, example: Record<string, unknown>): void {
  test('createDesign → getDesign → saveVersion → getVersion', async () => {
    const db = getDb();
    const { id, version } = await createDesign({ db, design: example });
    assert.equal(version, 1);
    assert.match(id, /^[A-Za-z0-9_-]{12}$/);

    const detail = await getDesign({ db, id });
    assert.ok(detail);
    assert.equal(detail.name, 'ApprovalWorkflow');
    assert.equal(detail.latestVersion, 1);
    assert.deepEqual(detail.design, example);
    assert.deepEqual(detail.versions.map((v) => v.version), [1]);

    const renamed = { ...example, name: 'Renamed' };
    assert.deepEqual(await saveVersion({ db, id, design: renamed }), { version: 2 });
    const again = await getDesign({ db, id });
    assert.equal(again?.name, 'Renamed');
    assert.equal(again?.latestVersion, 2);
    assert.deepEqual(again?.versions.map((v) => v.version), [2, 1]);
    assert.ok(again!.updatedAt.getTime() >= detail.updatedAt.getTime());

    const v1 = await getVersion({ db, id, version: 1 });
    assert.equal(v1?.design.name, 'ApprovalWorkflow');
    assert.equal(await getVersion({ db, id, version: 9 }), null);

    const listed = await listDesigns({ db });
    const mine = listed.find((d) => d.id === id);
    assert.deepEqual({ name: mine?.name, latestVersion: mine?.latestVersion }, { name: 'Renamed', latestVersion: 2 });
  });

  test('concurrent saves get distinct version numbers', async () => {
    const db = getDb();
    const { id } = await createDesign({ db, design: example });
    const results = await Promise.all([1, 2, 3, 4].map(() => saveVersion({ db, id, design: example })));
    assert.deepEqual(results.map((r) => r?.version).sort(), [2, 3, 4, 5]);
  });

  test('missing designs are null, invalid designs throw DesignValidationError and write nothing', async () => {
    const db = getDb();
    assert.equal(await getDesign({ db, id: 'nope' }), null);
    assert.equal(await saveVersion({ db, id: 'nope', design: example }), null);
    const before = (await listDesigns({ db })).length;
    await assert.rejects(
      createDesign({ db, design: { ...example, nodes: [{ id: 'x', type: 'warp' }] } }),
      (error: unknown) => {
        assert.ok(error instanceof DesignValidationError);
        assert.ok(error.issues.some((i) => i.path.startsWith('nodes.0')), JSON.stringify(error.issues));
        return true;
      },
    );
    assert.equal((await listDesigns({ db })).length, before);
  });

  test('deployments: create, list without bundle, latest, active, retire', async () => {
    const db = getDb();
    const { id: designId } = await createDesign({ db, design: example });
    const files = [{ path: 'workflows.ts', contents: 'export {}' }];
    const first = await createDeployment({ db, designId, version: 1, workflowType: 'ApprovalWorkflow', files, bundle: 'code-1' });
    assert.equal(first.taskQueue, `signalbox-${first.id}`);
    assert.equal(first.status, 'active');
    await new Promise((r) => setTimeout(r, 5));
    const second = await createDeployment({ db, designId, version: 1, workflowType: 'ApprovalWorkflow', files, bundle: 'code-2' });

    const listed = await listDeployments({ db, designId });
    assert.deepEqual(listed.map((d) => d.id), [second.id, first.id]);
    assert.ok(!('bundle' in listed[0]));
    assert.deepEqual(listed[0].files, files);

    assert.equal((await latestDeployment({ db, designId }))?.id, second.id);
    assert.equal((await getDeployment({ db, id: first.id }))?.bundle, 'code-1');
    assert.equal(await getDeployment({ db, id: 'missing' }), null);

    const active = await activeDeployments({ db, includeBundle: true });
    assert.ok(active.some((d) => d.id === first.id && d.bundle === 'code-1'));
    const light = await activeDeployments({ db });
    assert.ok(light.every((d) => !('bundle' in d)));

    assert.equal(await setDeploymentStatus({ db, id: second.id, status: 'retired' }), true);
    assert.equal((await latestDeployment({ db, designId }))?.id, first.id);
    assert.ok(!(await activeDeployments({ db })).some((d) => d.id === second.id));
    // Leave no fake bundles active for worker hosts sharing this database.
    await setDeploymentStatus({ db, id: first.id, status: 'retired' });
  });

  test('worker host poll: active deployments without stored code, and whether a deploy is under way (stale intents ignored)', async () => {
    const db = getDb();
    const { id: designId } = await createDesign({ db, design: example });
    const replay = { checked: 2, incompatible: [] };
    const row = await createDeployment({ db, designId, version: 1, workflowType: 'ApprovalWorkflow', files: [{ path: 'workflows.ts', contents: 'x' }], bundle: 'code', replay });
    assert.deepEqual(await deploymentReplay({ db, id: row.id }), replay);
    const intent = `intent-${row.id}`;
    try {
      const idle = await workerHostPoll({ db });
      const polled = idle.deployments.find((d) => d.id === row.id);
      assert.ok(polled, 'the active deployment is listed');
      assert.deepEqual(Object.keys(polled).sort(), ['buildId', 'createdAt', 'designId', 'id', 'status', 'taskQueue', 'version', 'versioning', 'workflowType']);
      await beginDeployIntent({ db, id: intent });
      assert.equal((await workerHostPoll({ db })).deployPending, true);
      await endDeployIntent({ db, id: intent });
      assert.equal((await workerHostPoll({ db })).deployPending, idle.deployPending);

      // Left by an app process that died mid-deploy: ignored, and cleared by the next deploy.
      await db.insert(deployIntents).values({ id: intent, startedAt: new Date(Date.now() - 5 * 60_000) });
      assert.equal((await workerHostPoll({ db })).deployPending, idle.deployPending);
      await beginDeployIntent({ db, id: `${intent}-2` });
      await endDeployIntent({ db, id: `${intent}-2` });
      assert.equal((await db.select().from(deployIntents).where(eq(deployIntents.id, intent))).length, 0);
    } finally {
      await endDeployIntent({ db, id: intent });
      await setDeploymentStatus({ db, id: row.id, status: 'retired' });
    }
  });

  test('versioned deployments share their design\'s queue, each with its build id; legacy rows keep their own queue', async () => {
    const db = getDb();
    const { id: designId } = await createDesign({ db, design: example });
    const files = [{ path: 'workflows.ts', contents: 'export {}' }];
    const fields = { db, designId, version: 1, workflowType: 'ApprovalWorkflow', files, bundle: 'code' };
    const legacy = await createDeployment(fields);
    const placement = (id: string) => ({ taskQueue: `signalbox-design-${designId}`, buildId: `v1-${id}` });
    const one = await createDeployment({ ...fields, placement });
    const two = await createDeployment({ ...fields, placement });
    assert.deepEqual([legacy.versioning, legacy.buildId, legacy.taskQueue], ['legacy', null, `signalbox-${legacy.id}`]);
    assert.deepEqual([one.versioning, one.buildId, one.taskQueue], ['versioned', `v1-${one.id}`, `signalbox-design-${designId}`]);
    assert.equal(two.taskQueue, one.taskQueue);
    assert.equal((await deploymentByBuildId({ db, buildId: `v1-${two.id}` }))?.id, two.id);
    assert.equal(await deploymentByBuildId({ db, buildId: 'v9-none' }), null);

    assert.equal(await designVersioningBehavior({ db, designId }), 'pinned');
    assert.equal(await setDesignVersioningBehavior({ db, designId, behavior: 'auto-upgrade' }), true);
    assert.equal(await designVersioningBehavior({ db, designId }), 'auto-upgrade');
    assert.equal(await setDesignVersioningBehavior({ db, designId: 'nope', behavior: 'pinned' }), false);
    assert.equal(await designVersioningBehavior({ db, designId: 'nope' }), null);
    for (const d of [legacy, one, two]) await setDeploymentStatus({ db, id: d.id, status: 'retired' });
  });
}

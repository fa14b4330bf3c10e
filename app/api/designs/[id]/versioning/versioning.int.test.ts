/**
 * The versioning API end to end (issue 12) against a real Temporal server and a worker host: deploy
 * twice, roll back to the first version (promote an older one: instant, no new deployment), ramp the
 * second at 30 %, stop the ramp, promote it — each through HTTP, each visible in the API's answer and
 * in `temporal worker deployment describe`; a rollback to a retired version starts its worker again; an execution started before the second deploy stays on
 * the first version and is counted there; auto-upgrade is accepted once the latest deploy's replay
 * check passed. Needs TEMPORAL_ADDRESS and TEMPORAL_CLI (. /work/devsvc/env).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { listAudit, listDeployments, setDeploymentStatus } from '@/db/repository';
import { call } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as designDeploymentsRoute from '../deployments/route';
import * as versionsRoute from '../versions/route';
import * as designsRoute from '../../route';
import * as executionsRoute from '../../../executions/route';
import * as behaviourRoute from './behaviour/route';
import * as promoteRoute from './promote/route';
import * as rampRoute from './ramp/route';
import * as versioningRoute from './route';

const skip = !process.env.TEMPORAL_ADDRESS ? 'TEMPORAL_ADDRESS is not set' : !process.env.TEMPORAL_CLI ? 'TEMPORAL_CLI is not set' : false;
const approval = JSON.parse(readFileSync(new URL('../../../../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

let stack: TestStack | undefined;
before(async () => {
  if (!skip) stack = await startTestStack({ name: 'versioning-api' });
});
after(() => stack?.stop());

const exec = promisify(execFile);
/** `temporal worker deployment describe`: the current and ramping build ids as Temporal's own CLI reports them. */
async function routingFromCli(deploymentName: string): Promise<{ current: string | null; ramping: string | null; percentage: number }> {
  const { stdout } = await exec(process.env.TEMPORAL_CLI!, [
    'worker', 'deployment', 'describe', '--name', deploymentName, '-o', 'json',
    '--address', process.env.TEMPORAL_ADDRESS!, '--namespace', process.env.TEMPORAL_NAMESPACE ?? 'default',
  ]);
  const json = JSON.parse(stdout);
  const routing = json.routingConfig ?? json.workerDeploymentInfo?.routingConfig ?? {};
  return {
    // The CLI prints an empty build id for "none".
    current: routing.currentVersionBuildID || routing.currentDeploymentVersion?.buildId || routing.currentVersionBuildId || null,
    ramping: routing.rampingVersionBuildID || routing.rampingDeploymentVersion?.buildId || routing.rampingVersionBuildId || null,
    percentage: Number(routing.rampingVersionPercentage ?? 0),
  };
}

interface Row {
  deploymentId: string;
  version: number;
  buildId: string;
  status: string;
  executions: { open: number; total: number } | null;
}

async function versioning(id: string): Promise<{ currentBuildId: string | null; rampingBuildId: string | null; rampingPercentage: number; taskQueue: string; deployments: Row[] }> {
  const answer = await call(versioningRoute.GET, { params: { id } });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.temporalError, undefined);
  return answer.body;
}

test('deploy twice, roll back, ramp, stop the ramp, promote — through HTTP, as Temporal routes it', { skip, timeout: 300_000 }, async () => {
  const created = await call(designsRoute.POST, { body: { design: approval } });
  assert.equal(created.status, 201);
  const id: string = created.body.id;

  const first = await call(designDeploymentsRoute.POST, { body: {}, params: { id } });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const v1 = (await versioning(id)).deployments[0]!;
  assert.equal(v1.status, 'current');

  const started = await call(executionsRoute.POST, { body: { designId: id, input: { requestId: 'R-before' } } });
  assert.equal(started.status, 201, JSON.stringify(started.body));

  await call(versionsRoute.POST, { body: { design: { ...approval, description: 'second' } }, params: { id } });
  const second = await call(designDeploymentsRoute.POST, { body: {}, params: { id } });
  assert.equal(second.status, 201, JSON.stringify(second.body));
  let view = await versioning(id);
  const v2 = view.deployments[0]!;
  assert.equal(view.taskQueue, `signalbox-design-${id}`);
  assert.ok(view.deployments.every((d) => d.buildId && view.taskQueue), 'both on the stable queue');
  assert.equal(view.currentBuildId, v2.buildId);
  // The execution started before the second deploy stays pinned to the first version, and is counted there.
  const pinned = await eventually(
    'the first version draining, with the execution started on it',
    async () => {
      const row = (await versioning(id)).deployments.find((d) => d.deploymentId === v1.deploymentId)!;
      return row.status === 'draining' && row.executions?.open === 1 ? row : undefined;
    },
    20_000,
  ).catch(async (error: unknown) => {
    throw new Error(`${String(error)}; last answer: ${JSON.stringify((await versioning(id)).deployments)}`);
  });
  assert.deepEqual(pinned.executions, { open: 1, total: 1 });

  // Roll back: the older version is current again at once, and no deployment was added.
  const rolledBack = await call(promoteRoute.POST, { params: { id }, body: { deploymentId: v1.deploymentId } });
  assert.equal(rolledBack.status, 200, JSON.stringify(rolledBack.body));
  assert.equal(rolledBack.body.versioning.currentBuildId, v1.buildId);
  assert.equal(rolledBack.body.versioning.deployments.length, 2);
  assert.equal((await routingFromCli(`signalbox-${id}`)).current, v1.buildId);

  const ramped = await call(rampRoute.POST, { params: { id }, body: { deploymentId: v2.deploymentId, percentage: 30 } });
  assert.equal(ramped.status, 200, JSON.stringify(ramped.body));
  assert.equal(ramped.body.versioning.rampingBuildId, v2.buildId);
  assert.equal(ramped.body.versioning.rampingPercentage, 30);
  assert.equal(ramped.body.versioning.deployments.find((d: Row) => d.deploymentId === v2.deploymentId).status, 'ramping');
  assert.deepEqual(await routingFromCli(`signalbox-${id}`), { current: v1.buildId, ramping: v2.buildId, percentage: 30 });
  const rampCurrent = await call(rampRoute.POST, { params: { id }, body: { deploymentId: v1.deploymentId, percentage: 30 } });
  assert.equal(rampCurrent.status, 409);
  assert.equal(rampCurrent.body.error.code, 'versioning.ramp-current');

  const stopped = await call(rampRoute.DELETE, { params: { id } });
  assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
  assert.equal(stopped.body.versioning.rampingBuildId, null);
  assert.equal((await routingFromCli(`signalbox-${id}`)).ramping, null);

  const promoted = await call(promoteRoute.POST, { params: { id }, body: { deploymentId: v2.deploymentId } });
  assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
  view = await versioning(id);
  assert.equal(view.currentBuildId, v2.buildId);
  assert.equal((await routingFromCli(`signalbox-${id}`)).current, v2.buildId);

  // A retired version (its worker stopped) is rolled back to by starting its worker again first.
  await setDeploymentStatus({ id: v1.deploymentId, status: 'retired' });
  await stack!.worker.waitFor(new RegExp(`deployment ${v1.deploymentId} retired: stopping its worker`));
  assert.equal((await versioning(id)).deployments.find((d) => d.deploymentId === v1.deploymentId)!.status, 'retired');
  const revived = await call(promoteRoute.POST, { params: { id }, body: { deploymentId: v1.deploymentId } });
  assert.equal(revived.status, 200, JSON.stringify(revived.body));
  assert.equal(revived.body.versioning.currentBuildId, v1.buildId);
  assert.equal((await listDeployments({ designId: id })).find((d) => d.id === v1.deploymentId)!.status, 'active');
  await stack!.deploymentRunning(v1.deploymentId);
  assert.equal((await call(promoteRoute.POST, { params: { id }, body: { deploymentId: v2.deploymentId } })).status, 200);

  // The second deploy replayed the first version's execution and passed: auto-upgrade may be chosen.
  const upgraded = await call(behaviourRoute.PUT, { params: { id }, body: { behavior: 'auto-upgrade' } });
  assert.equal(upgraded.status, 200, JSON.stringify(upgraded.body));
  assert.equal(upgraded.body.versioning.behavior, 'auto-upgrade');

  const actions = (await listAudit()).filter((a) => a.target?.startsWith(`/api/designs/${id}/versioning`)).map((a) => a.action);
  assert.deepEqual(actions.sort(), ['versioning.behaviour', 'versioning.promote', 'versioning.promote', 'versioning.promote', 'versioning.promote', 'versioning.ramp', 'versioning.ramp-stop']);
});

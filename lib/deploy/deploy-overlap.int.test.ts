/**
 * The deploy starts a version's worker while its checks still run (lib/deploy/pipeline.ts, "Overlap"):
 * a version refused by a later check — here the replay check, not forced — is withdrawn from outside
 * view: no deployment recorded, the current version unchanged, no worker left running for it, and new
 * executions started with the `temporal` CLI on the design's queue still run on the current version.
 * Needs TEMPORAL_ADDRESS and TEMPORAL_CLI (. /work/devsvc/env).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import * as deploymentsRoute from '@/app/api/deployments/route';
import * as designDeploymentsRoute from '@/app/api/designs/[id]/deployments/route';
import * as versionsRoute from '@/app/api/designs/[id]/versions/route';
import * as designsRoute from '@/app/api/designs/route';
import { call } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import { currentBuildId } from './version-rollout';
import { designTaskQueue } from './versioning-names';

const skip = !process.env.TEMPORAL_ADDRESS ? 'TEMPORAL_ADDRESS is not set' : !process.env.TEMPORAL_CLI ? 'TEMPORAL_CLI is not set' : false;
const approval = JSON.parse(readFileSync(new URL('../../examples/approval.json', import.meta.url), 'utf8'));

let stack: TestStack | undefined;
before(async () => {
  if (!skip) stack = await startTestStack({ name: 'deploy-overlap' });
});
after(() => stack?.stop());

const exec = promisify(execFile);
async function temporal(...args: string[]): Promise<string> {
  const { stdout } = await exec(process.env.TEMPORAL_CLI!, [...args, '--address', process.env.TEMPORAL_ADDRESS!, '--namespace', process.env.TEMPORAL_NAMESPACE ?? 'default']);
  return stdout;
}

/** The build id an execution's workflow tasks run on, once it has run one. */
function ranOn(workflowId: string): Promise<string> {
  return eventually(`${workflowId} to run on a version`, async () => {
    const json = JSON.parse(await temporal('workflow', 'describe', '--workflow-id', workflowId, '-o', 'json'));
    return json.workflowExecutionInfo?.versioningInfo?.deploymentVersion?.buildId ?? undefined;
  });
}

/** The approval design with a step before the wait: replaying an execution of the plain one against it fails. */
function approvalWithLogFirst() {
  const design = structuredClone(approval);
  design.nodes.push({ id: 'note', type: 'activity', label: 'Note', activity: 'log', args: { message: '"waiting"' }, position: { x: 200, y: 60 } });
  design.edges = design.edges.map((e: { id: string; source: string; target: string }) => (e.id === 'e-start' ? { ...e, target: 'note' } : e));
  design.edges.push({ id: 'e-note', source: 'note', target: 'await-approval' });
  return design;
}

test('a version refused by the replay check after its worker was started early is withdrawn: not recorded, never current, its worker stopped', { skip, timeout: 240_000 }, async () => {
  const designId: string = (await call(designsRoute.POST, { body: { design: approval } })).body.id;
  const first = await call(designDeploymentsRoute.POST, { body: {}, params: { id: designId } });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const d1: { id: string; buildId: string; workflowType: string } = first.body.deployment;
  const start = (workflowId: string) =>
    temporal('workflow', 'start', '--task-queue', designTaskQueue(designId), '--type', d1.workflowType, '--workflow-id', workflowId, '--input', JSON.stringify({ requestId: workflowId }));
  await start(`overlap-${designId}-1`);
  assert.equal(await ranOn(`overlap-${designId}-1`), d1.buildId);

  assert.equal((await call(versionsRoute.POST, { body: { design: approvalWithLogFirst() }, params: { id: designId } })).status, 201);
  const refused = await call(designDeploymentsRoute.POST, { body: {}, params: { id: designId } });
  assert.equal(refused.status, 422, JSON.stringify(refused.body));
  assert.equal(refused.body.error.code, 'deploy.replay');

  const listed = (await call(deploymentsRoute.GET, { url: `/api/deployments?designId=${designId}` })).body.deployments as { id: string }[];
  assert.deepEqual(listed.map((d) => d.id), [d1.id], 'the refused version is not recorded');
  assert.equal(await currentBuildId(designId), d1.buildId, 'the current version is unchanged');
  // The worker host may have started the refused version's worker meanwhile: it stops at its next poll.
  await eventually('only the first version to have a worker', async () => {
    const { workers } = (await (await fetch(stack!.healthUrl)).json()) as { workers: { deploymentId: string }[] };
    return workers.length === 1 && workers[0]!.deploymentId === d1.id ? true : undefined;
  });
  await start(`overlap-${designId}-2`);
  assert.equal(await ranOn(`overlap-${designId}-2`), d1.buildId, 'new executions still start on the current version');
  for (const n of [1, 2]) await temporal('workflow', 'terminate', '--workflow-id', `overlap-${designId}-${n}`, '--reason', 'test over');
});

/**
 * Retirement by drainage end to end (issue 12, docs/versioning.md): deploy v1, run an execution on it
 * to completion, deploy v2 — once Temporal itself reports v1 drained (`temporal worker deployment
 * describe-version`, from outside), the worker host retires v1: its database status is "retired"
 * and its worker stops (the host's health endpoint no longer lists it). Starts its own Temporal dev server with the short drainage timings
 * (FAST_DRAINAGE_DYNAMIC_CONFIG; the default ~180 s is too long for a test). Needs TEMPORAL_CLI
 * and a PostgreSQL (TEST_DATABASE_URL) or PGlite (. /work/devsvc/env).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { listDeployments } from '@/db/repository';
import { FAST_DRAINAGE_DYNAMIC_CONFIG } from '@/scripts/lib/temporal-server';
import { call } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as designDeploymentsRoute from '@/app/api/designs/[id]/deployments/route';
import * as designsRoute from '@/app/api/designs/route';
import * as executionsRoute from '@/app/api/executions/route';

const skip = !process.env.TEMPORAL_CLI ? 'TEMPORAL_CLI is not set' : false;
const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const exec = promisify(execFile);

let stack: TestStack | undefined;
before(async () => {
  if (skip) return;
  stack = await startTestStack({
    name: 'version-drainage',
    ownTemporal: { dynamicConfig: FAST_DRAINAGE_DYNAMIC_CONFIG },
    // Retirement checks every second; no grace that could retire v1 by age instead of by drainage.
    workerEnv: { WORKER_RETIRE_CHECK_MS: '1000', WORKER_RETIRE_GRACE_MS: '3600000' },
  });
});
after(() => stack?.stop());

/** The `temporal` CLI against the stack's own server, parsed as JSON. */
async function temporalCli(args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await exec(process.env.TEMPORAL_CLI!, [...args, '-o', 'json', '--address', stack!.temporalAddress, '--namespace', 'default']);
  return JSON.parse(stdout);
}

/** The version's drainage status as `temporal worker deployment describe-version` prints it, lower-cased ("draining", "drained", or ""). */
async function drainageFromCli(deploymentName: string, buildId: string): Promise<string> {
  const json = await temporalCli(['worker', 'deployment', 'describe-version', '--deployment-name', deploymentName, '--build-id', buildId]);
  const text = JSON.stringify(json);
  // The CLI's JSON names the field drainageStatus (or drainageInfo.status): "drained", "VERSION_DRAINAGE_STATUS_DRAINED", …
  const match = /"(?:drainageStatus|status)"\s*:\s*"(?:VERSION_DRAINAGE_STATUS_)?(draining|drained)"/i.exec(text);
  return match ? match[1]!.toLowerCase() : '';
}

test('a version that lost current status is retired once Temporal reports it drained, and its worker stops', { skip, timeout: 240_000 }, async () => {
  const created = await call(designsRoute.POST, { body: { design: approval } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const designId: string = created.body.id;
  const deploymentName = `signalbox-${designId}`;

  const first = await call(designDeploymentsRoute.POST, { body: {}, params: { id: designId } });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const [v1] = await listDeployments({ designId });
  assert.ok(v1?.buildId);

  // An execution on v1, run to completion from outside (the CLI signals the decision).
  const started = await call(executionsRoute.POST, { body: { designId, input: { requestId: 'R-drain' } } });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const workflowId: string = started.body.workflowId;
  await exec(process.env.TEMPORAL_CLI!, [
    'workflow', 'signal', '--workflow-id', workflowId, '--name', 'approve', '--input', JSON.stringify({ approverName: 'ann', approved: true }),
    '--address', stack!.temporalAddress, '--namespace', 'default',
  ]);
  await eventually('the v1 execution to complete', async () => {
    const described = await temporalCli(['workflow', 'describe', '--workflow-id', workflowId]);
    return /COMPLETED/i.test(JSON.stringify(described)) ? true : undefined;
  });
  await stack!.deploymentRunning(v1.id);

  const second = await call(designDeploymentsRoute.POST, { body: {}, params: { id: designId } });
  assert.equal(second.status, 201, JSON.stringify(second.body));
  const v2 = (await listDeployments({ designId })).find((d) => d.id !== v1.id)!;
  assert.ok(v2.buildId && v2.buildId !== v1.buildId);

  // Temporal's own view first: v1 is drained (no open execution pinned to it, no longer routed to).
  await eventually('Temporal to report v1 drained', async () => ((await drainageFromCli(deploymentName, v1.buildId!)) === 'drained' ? true : undefined), { timeoutMs: 120_000 });
  // Then the worker host's: v1 retired in the database and its worker gone from the queue; v2 untouched.
  await eventually('the worker host to retire v1', async () => {
    const rows = await listDeployments({ designId });
    return rows.find((d) => d.id === v1.id)?.status === 'retired' ? rows : undefined;
  });
  const rows = await listDeployments({ designId });
  assert.notEqual(rows.find((d) => d.id === v2.id)?.status, 'retired', 'the current version stays');
  await stack!.worker.waitFor(new RegExp(`deployment ${v1.id} retired: stopping its worker`));
  // The host logs the stop before the worker has shut down: its health endpoint lists v1 until then.
  const health = await eventually('the worker host to stop the v1 worker', async () => {
    const answer = (await (await fetch(stack!.healthUrl)).json()) as { workers: { deploymentId: string; state: string }[] };
    return answer.workers.some((w) => w.deploymentId === v1.id) ? undefined : answer;
  });
  assert.ok(health.workers.some((w) => w.deploymentId === v2.id && w.state === 'running'), 'the worker host runs v2');
});

import 'server-only';
import { isGrpcServiceError } from '@temporalio/client';
import protoPackage from '@temporalio/proto';
import {
  deploymentWorkerError,
  designVersioningBehavior,
  getDeployment,
  listDeployments,
  setDeploymentStatus,
  setDesignVersioningBehavior,
  type DeploymentSummary,
} from '@/db/repository';
import type { VersioningBehaviorSetting, WorkerStartError } from '@/db/schema';
import { ApiError } from '../api/errors';
import { NotFoundError } from '../errors';
import { getTemporalClient, temporalNamespace } from '../temporal-client';
import { currentBuildId } from './version-rollout';
import { setCurrentVersion, setRampingVersion } from './versioning';
import { waitForWorker } from './worker-wait';

/**
 * What a user does with a design's versions (the versioning API, the design page, the CLI): make a
 * deployment current (promote — also the instant rollback to an older one), ramp a share of new
 * executions to one, stop the ramp, choose pinned or auto-upgrade. Temporal routes; these only
 * say where, after checking that a worker runs the version.
 */

/** How long a retired version's worker may take to be started again by a worker host. */
const WORKER_WAIT_MS = Number(process.env.SIGNALBOX_WORKER_WAIT_MS ?? 30_000);
/** gRPC FAILED_PRECONDITION / INVALID_ARGUMENT: Temporal refused the routing change and said why. */
const REFUSED_CODES = new Set([3, 9]);
const enums = protoPackage.temporal.api.enums.v1;

export interface Actor {
  /** Recorded by Temporal as the routing's last modifier. */
  identity: string;
}

/** A versioned deployment of this design, or the error naming why it cannot be routed to. */
async function versionedDeployment(designId: string, deploymentId: string): Promise<DeploymentSummary> {
  const row = await getDeployment({ id: deploymentId });
  if (!row || row.designId !== designId) throw new NotFoundError(`Deployment ${deploymentId} of design ${designId} not found`, 'deployment.not-found');
  if (row.versioning !== 'versioned' || !row.buildId) {
    throw new ApiError(
      409,
      'versioning.legacy-deployment',
      `Deployment ${deploymentId} (version ${row.version}) was deployed before Worker Versioning, on its own task queue: Temporal cannot route to it. Redeploy it (POST /api/deployments/${deploymentId}/rollback) to get a version of it on the design's stable queue.`,
      { field: 'deploymentId' },
    );
  }
  const { bundle: _bundle, ...summary } = row;
  return summary;
}

/**
 * A retired version gets its worker back before anything is routed to it: marked active, a worker
 * host starts it on its next look at the database; retired again when none does.
 */
async function ensureWorker(deployment: DeploymentSummary): Promise<() => Promise<void>> {
  if (deployment.status !== 'retired') return async () => {};
  const undo = async () => {
    await setDeploymentStatus({ id: deployment.id, status: 'retired' });
  };
  const reactivatedAt = Date.now();
  await setDeploymentStatus({ id: deployment.id, status: 'active' });
  const outcome = await waitForWorker<WorkerStartError>(
    {
      failure: () => deploymentWorkerError({ id: deployment.id }),
      polled: () => polledSince(deployment, reactivatedAt),
    },
    WORKER_WAIT_MS,
  );
  if (outcome === 'polled') return undo;
  await undo();
  const why =
    outcome === 'timeout'
      ? `no worker host started its worker within ${Math.round(WORKER_WAIT_MS / 1000)} s (is a worker host running?)`
      : `the worker host could not start its worker: ${outcome.message}`;
  throw new ApiError(409, 'versioning.no-worker', `Version ${deployment.version} (build ${deployment.buildId}) was retired and ${why}; nothing was changed.`, {
    field: 'deploymentId',
  });
}

/**
 * Whether a worker polls the queue as this version since `since`: Temporal keeps a version's queue
 * registered (and a stopped worker's poller listed for minutes), so only a poll after the
 * reactivation says that a worker host started it again.
 */
async function polledSince(deployment: DeploymentSummary, since: number): Promise<boolean> {
  const client = await getTemporalClient();
  const { pollers } = await client.workflowService.describeTaskQueue({
    namespace: temporalNamespace(),
    taskQueue: { name: deployment.taskQueue, kind: enums.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: enums.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return (pollers ?? []).some((poller) => {
    const seconds = Number(poller.lastAccessTime?.seconds ?? 0);
    return poller.deploymentOptions?.buildId === deployment.buildId && seconds * 1000 >= since - 1000;
  });
}

/** Temporal's refusal of a routing change, as a 409 naming it; anything else is rethrown. */
function refusal(error: unknown, what: string): never {
  if (isGrpcServiceError(error) && error.code !== undefined && REFUSED_CODES.has(error.code)) {
    throw new ApiError(409, 'versioning.refused', `Temporal refused to ${what}: ${error.details ?? error.message}`);
  }
  throw error;
}

/** Makes the deployment the design's current version: new executions go to it at once (also the rollback). */
export async function promoteDeployment({ designId, deploymentId, actor }: { designId: string; deploymentId: string; actor: Actor }): Promise<DeploymentSummary> {
  const deployment = await versionedDeployment(designId, deploymentId);
  const undo = await ensureWorker(deployment);
  try {
    await setCurrentVersion({ designId, buildId: deployment.buildId!, identity: actor.identity });
  } catch (error) {
    await undo();
    refusal(error, `make build ${deployment.buildId} current`);
  }
  return { ...deployment, status: 'active' };
}

/** Sends `percentage` % of new executions to the deployment; the current version keeps the rest. */
export async function rampDeployment({
  designId,
  deploymentId,
  percentage,
  actor,
}: {
  designId: string;
  deploymentId: string;
  percentage: number;
  actor: Actor;
}): Promise<DeploymentSummary> {
  const deployment = await versionedDeployment(designId, deploymentId);
  const current = await currentBuildId(designId);
  if (current === null) {
    throw new ApiError(409, 'versioning.no-current', `Design ${designId} has no current version: promote one before ramping another`, { field: 'deploymentId' });
  }
  if (current === deployment.buildId) {
    throw new ApiError(409, 'versioning.ramp-current', `Version ${deployment.version} (build ${deployment.buildId}) is already the current version: ramp another one`, {
      field: 'deploymentId',
    });
  }
  const undo = await ensureWorker(deployment);
  try {
    await setRampingVersion({ designId, buildId: deployment.buildId!, percentage, identity: actor.identity });
  } catch (error) {
    await undo();
    refusal(error, `ramp build ${deployment.buildId} at ${percentage} %`);
  }
  return { ...deployment, status: 'active' };
}

/** Every new execution goes to the current version again (no ramp is no error). */
export async function stopRamp({ designId, actor }: { designId: string; actor: Actor }): Promise<void> {
  if ((await designVersioningBehavior({ designId })) === null) throw new NotFoundError(`Design ${designId} not found`, 'design.not-found');
  try {
    await setRampingVersion({ designId, buildId: null, percentage: 0, identity: actor.identity });
  } catch (error) {
    // A design never deployed with versioning has no Worker Deployment: nothing ramps.
    if (isGrpcServiceError(error) && error.code === 5) return;
    refusal(error, 'stop the ramp');
  }
}

/**
 * Why auto-upgrade may not be chosen now, or null when it may: it moves running executions onto
 * newer code, so the latest deploy's replay check (the earlier executions' histories replayed against
 * the new bundle, recorded with the deployment) must have run and passed.
 */
export async function autoUpgradeRefusal(designId: string): Promise<string | null> {
  const latest = (await listDeployments({ designId })).find((d) => d.versioning === 'versioned');
  if (!latest) return null;
  const replay = latest.replay;
  if (!replay) {
    return `no replay check is on record for the latest deploy (version ${latest.version}, deployment ${latest.id}: a rollback, or deployed before replay checks were recorded); deploy again, then choose auto-upgrade`;
  }
  if (replay.skipped) return `the replay check of the latest deploy (version ${latest.version}) could not run (${replay.skipped}); deploy again, then choose auto-upgrade`;
  if (replay.incompatible.length > 0) {
    return `the latest deploy (version ${latest.version}) failed its replay check: it would break ${replay.incompatible.length} of ${replay.checked} recent executions (${replay.incompatible[0]!.workflowId}: ${replay.incompatible[0]!.message})`;
  }
  return null;
}

/** Chooses pinned or auto-upgrade for the versions deployed from now on (auto-upgrade only after a passing replay check). */
export async function setVersioningBehavior({ designId, behavior }: { designId: string; behavior: VersioningBehaviorSetting }): Promise<void> {
  if ((await designVersioningBehavior({ designId })) === null) throw new NotFoundError(`Design ${designId} not found`, 'design.not-found');
  if (behavior === 'auto-upgrade') {
    const why = await autoUpgradeRefusal(designId);
    if (why) {
      throw new ApiError(409, 'versioning.auto-upgrade-refused', `Auto-upgrade moves running executions onto newer code, and ${why}.`, { field: 'behavior' });
    }
  }
  await setDesignVersioningBehavior({ designId, behavior });
}

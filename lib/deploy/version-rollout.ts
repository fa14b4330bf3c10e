/**
 * The deploy's last step for a versioned deployment (docs/versioning.md): see the new Worker
 * Deployment Version polled on the design's stable queue, then route new executions to it — as
 * the current version, or as the ramping one with a share of them. The routing itself is
 * Temporal's (lib/deploy/versioning.ts).
 */
import 'server-only';
import { isGrpcServiceError } from '@temporalio/client';
import protoPackage from '@temporalio/proto';
import { getTemporalClient, temporalNamespace } from '../temporal-client';
import { setCurrentVersion, setRampingVersion } from './versioning';
import { workerDeploymentName } from './versioning-names';

/** gRPC NOT_FOUND: no worker has polled with this version (or deployment) yet. */
const GRPC_NOT_FOUND = 5;

const { TaskQueueType } = protoPackage.temporal.api.enums.v1;

/**
 * Whether a worker polls the design's queue for workflow tasks as this version: Temporal lists the
 * queue (per task type) under the version once the first poll arrives. The workflow type is the one
 * the routing sends new executions to; the same worker starts its activity pollers with it.
 */
export async function versionPolled({ designId, buildId, taskQueue }: { designId: string; buildId: string; taskQueue: string }): Promise<boolean> {
  const client = await getTemporalClient();
  try {
    const response = await client.workflowService.describeWorkerDeploymentVersion({
      namespace: temporalNamespace(),
      deploymentVersion: {
        deploymentName: workerDeploymentName(designId),
        buildId,
      },
    });
    const queues = [...(response.versionTaskQueues ?? []), ...(response.workerDeploymentVersionInfo?.taskQueueInfos ?? [])];
    return queues.some((q) => q.name === taskQueue && q.type === TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW);
  } catch (error) {
    if (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) return false;
    throw error;
  }
}

/** The design's current build id, or null when it has none yet (no Worker Deployment, or nothing made current). */
export async function currentBuildId(designId: string): Promise<string | null> {
  const client = await getTemporalClient();
  try {
    const response = await client.workflowService.describeWorkerDeployment({
      namespace: temporalNamespace(),
      deploymentName: workerDeploymentName(designId),
    });
    return response.workerDeploymentInfo?.routingConfig?.currentDeploymentVersion?.buildId || null;
  } catch (error) {
    if (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) return null;
    throw error;
  }
}

/**
 * Routes new executions to the just-polled version: current, or ramping at `ramp` percent. The
 * server may not have registered the version's queue with the deployment at the very first poll:
 * a refusal is retried briefly before it counts.
 *
 * `ignoreMissingTaskQueues`: the server's own check (does the new version poll every queue the
 * current one polled?) is redundant here — a design has exactly one task queue and versionPolled has
 * just seen the new version poll it — and on the dev server it costs ~1.2 s whenever it replaces a
 * current version (docs/benchmarks.md). `allowNoPollers` stays off: the server still refuses a
 * version nobody polls, so a new execution is never routed to a version that has no worker.
 */
export async function routeToVersion({ designId, buildId, ramp, waitMs = 5_000 }: { designId: string; buildId: string; ramp?: number; waitMs?: number }): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      if (ramp === undefined) await setCurrentVersion({ designId, buildId, ignoreMissingTaskQueues: true });
      else await setRampingVersion({ designId, buildId, percentage: ramp, ignoreMissingTaskQueues: true });
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

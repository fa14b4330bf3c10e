/**
 * When a versioned deployment's worker may stop (docs/versioning.md, "Retirement"): Temporal says,
 * not Signalbox's own counting. A Worker Deployment Version is retired when it is neither the
 * design's current nor its ramping version and its drainage status is drained (no pinned
 * execution needs it any more), or when it never became active at all (a deploy that failed
 * before routing to it, once the grace period is over — never the design's newest deployment,
 * which the deploy is about to make current).
 */
import { isGrpcServiceError, type Client } from '@temporalio/client';
import protoPackage from '@temporalio/proto';
import type { ActiveDeployment } from '@/db/repository';
import { workerDeploymentName } from '@/lib/deploy/versioning-names';

export type VersionStatus = 'inactive' | 'current' | 'ramping' | 'draining' | 'drained' | 'unknown';

/** A design's Worker Deployment as Temporal describes it; null when no version of it ever polled. */
export interface DeploymentRouting {
  current: string | null;
  ramping: string | null;
  /** By build id. */
  versions: Map<string, VersionStatus>;
}

/** gRPC status NOT_FOUND: the design has no Worker Deployment yet. */
const GRPC_NOT_FOUND = 5;

const { WorkerDeploymentVersionStatus: Status, VersionDrainageStatus: Drainage } = protoPackage.temporal.api.enums.v1;

function versionStatus(summary: protoPackage.temporal.api.deployment.v1.WorkerDeploymentInfo.IWorkerDeploymentVersionSummary): VersionStatus {
  switch (summary.status) {
    case Status.WORKER_DEPLOYMENT_VERSION_STATUS_INACTIVE:
    case Status.WORKER_DEPLOYMENT_VERSION_STATUS_CREATED:
      return 'inactive';
    case Status.WORKER_DEPLOYMENT_VERSION_STATUS_CURRENT:
      return 'current';
    case Status.WORKER_DEPLOYMENT_VERSION_STATUS_RAMPING:
      return 'ramping';
    case Status.WORKER_DEPLOYMENT_VERSION_STATUS_DRAINING:
      return 'draining';
    case Status.WORKER_DEPLOYMENT_VERSION_STATUS_DRAINED:
      return 'drained';
  }
  // Servers that report only the drainage status.
  const drainage = summary.drainageInfo?.status ?? summary.drainageStatus;
  if (drainage === Drainage.VERSION_DRAINAGE_STATUS_DRAINED) return 'drained';
  if (drainage === Drainage.VERSION_DRAINAGE_STATUS_DRAINING) return 'draining';
  return 'unknown';
}

export async function describeRouting(client: Client, designId: string): Promise<DeploymentRouting | null> {
  try {
    const response = await client.workflowService.describeWorkerDeployment({
      namespace: client.options.namespace,
      deploymentName: workerDeploymentName(designId),
    });
    const info = response.workerDeploymentInfo;
    const routing = info?.routingConfig;
    const versions = new Map<string, VersionStatus>();
    for (const summary of info?.versionSummaries ?? []) {
      const buildId = summary.deploymentVersion?.buildId;
      if (buildId) versions.set(buildId, versionStatus(summary));
    }
    return {
      current: routing?.currentDeploymentVersion?.buildId || null,
      ramping: routing?.rampingDeploymentVersion?.buildId || null,
      versions,
    };
  } catch (error) {
    if (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) return null;
    throw error;
  }
}

/**
 * The versioned deployments of one design whose workers may stop now. `deployments` are the
 * design's active versioned deployments, oldest first; `routing` is null when Temporal has no
 * Worker Deployment for the design yet.
 */
export function retirableVersions(deployments: ActiveDeployment[], routing: DeploymentRouting | null, { now, graceMs }: { now: number; graceMs: number }): ActiveDeployment[] {
  const newest = deployments.at(-1);
  return deployments.filter((d) => {
    if (!d.buildId) return false;
    if (routing && (routing.current === d.buildId || routing.ramping === d.buildId)) return false;
    const status = routing?.versions.get(d.buildId) ?? 'inactive';
    if (status === 'drained') return true;
    if (status !== 'inactive') return false;
    return d.id !== newest?.id && now - d.createdAt.getTime() >= graceMs;
  });
}

import 'server-only';
import protoPackage from '@temporalio/proto';
import { designVersioningBehavior, listDeployments, type DeploymentSummary } from '@/db/repository';
import type { VersioningBehaviorSetting } from '@/db/schema';
import { NotFoundError } from '../errors';
import { visibilityLiteral } from '../executions/list';
import { getTemporalClient, isTemporalUnavailable, temporalNamespace } from '../temporal-client';
import { designTaskQueue, workerDeploymentName } from './versioning-names';

/**
 * What a design's versions look like to a user (GET /api/designs/[id]/versioning, the design
 * page, `signalbox versions`): the design's stable task queue and Worker Deployment, which
 * version is current and which ramps, and per deployment its status and executions. Temporal
 * says the routing and each version's drainage; the database says which deployments exist and
 * whether a worker host runs them.
 */

/**
 * current / ramping: new executions go to it; draining: no longer routed to, pinned executions
 * still run on it; drained: nothing needs it (a worker host retires it); inactive: deployed but
 * never routed to (or not yet seen by Temporal); retired: no worker runs it; legacy: deployed
 * before Worker Versioning, on its own task queue.
 */
export type VersionStatus = 'current' | 'ramping' | 'draining' | 'drained' | 'inactive' | 'retired' | 'legacy';

export interface VersionExecutions {
  /** Running now on this version. */
  open: number;
  /** All executions on this version Temporal's visibility still holds. */
  total: number;
}

export interface DeploymentVersionView {
  deploymentId: string;
  /** The design version it runs. */
  version: number;
  /** The Worker Deployment Version's build id; null for a legacy deployment. */
  buildId: string | null;
  taskQueue: string;
  createdAt: string;
  status: VersionStatus;
  /** Null when Temporal could not be asked, or for deployments older than the newest 20. */
  executions: VersionExecutions | null;
}

export interface DesignVersioningView {
  designId: string;
  /** The one task queue callers use, across deploys and rollbacks. */
  taskQueue: string;
  /** `temporal worker deployment describe --name <this>`. */
  deploymentName: string;
  behavior: VersioningBehaviorSetting;
  /** Build ids; null when none is set (or Temporal does not know the deployment yet). */
  currentBuildId: string | null;
  rampingBuildId: string | null;
  /** 0 when nothing ramps. */
  rampingPercentage: number;
  /** Newest first. */
  deployments: DeploymentVersionView[];
  /** Set when Temporal could not be asked: statuses then come from the database alone. */
  temporalError?: string;
}

type VersionSummary = protoPackage.temporal.api.deployment.v1.WorkerDeploymentInfo.IWorkerDeploymentVersionSummary;
const VersionStatusCode = protoPackage.temporal.api.enums.v1.WorkerDeploymentVersionStatus;
const DrainageCode = protoPackage.temporal.api.enums.v1.VersionDrainageStatus;
/** How many of the newest deployments get their executions counted (older ones answer null). */
const COUNTED_DEPLOYMENTS = 20;

interface RoutingState {
  currentBuildId: string | null;
  rampingBuildId: string | null;
  rampingPercentage: number;
  summaries: Map<string, VersionSummary>;
}

/** Temporal's view of the design's Worker Deployment; empty routing when it has none yet (nothing deployed with versioning). */
async function routingState(designId: string): Promise<RoutingState> {
  const client = await getTemporalClient();
  try {
    const { workerDeploymentInfo: info } = await client.workflowService.describeWorkerDeployment({
      namespace: temporalNamespace(),
      deploymentName: workerDeploymentName(designId),
    });
    const routing = info?.routingConfig;
    const summaries = new Map<string, VersionSummary>();
    for (const summary of info?.versionSummaries ?? []) {
      const buildId = summary.deploymentVersion?.buildId;
      if (buildId) summaries.set(buildId, summary);
    }
    const rampingBuildId = routing?.rampingDeploymentVersion?.buildId || null;
    return {
      currentBuildId: routing?.currentDeploymentVersion?.buildId || null,
      rampingBuildId,
      rampingPercentage: rampingBuildId ? (routing?.rampingVersionPercentage ?? 0) : 0,
      summaries,
    };
  } catch (error) {
    if ((error as { code?: unknown }).code === 5 /* NOT_FOUND */) {
      return { currentBuildId: null, rampingBuildId: null, rampingPercentage: 0, summaries: new Map() };
    }
    throw error;
  }
}

/** How the status of one deployment reads, from its row and Temporal's routing and version summary. */
export function versionStatus(row: Pick<DeploymentSummary, 'status' | 'versioning' | 'buildId'>, routing: RoutingState | null): VersionStatus {
  if (row.versioning === 'legacy' || !row.buildId) return 'legacy';
  if (routing?.currentBuildId === row.buildId) return 'current';
  if (routing?.rampingBuildId === row.buildId) return 'ramping';
  if (row.status === 'retired') return 'retired';
  const summary = routing?.summaries.get(row.buildId);
  const drainage = summary?.drainageInfo?.status ?? summary?.drainageStatus;
  if (summary?.status === VersionStatusCode.WORKER_DEPLOYMENT_VERSION_STATUS_DRAINED || drainage === DrainageCode.VERSION_DRAINAGE_STATUS_DRAINED) return 'drained';
  if (summary?.status === VersionStatusCode.WORKER_DEPLOYMENT_VERSION_STATUS_DRAINING || drainage === DrainageCode.VERSION_DRAINAGE_STATUS_DRAINING) return 'draining';
  return 'inactive';
}

/**
 * Executions per version, from visibility: a versioned execution carries the version it runs on in
 * TemporalWorkerDeploymentVersion (`<deployment>:<build id>`, checked against the dev server with
 * `temporal workflow count --query`); a legacy deployment's executions are those on its own queue.
 */
async function executionsOf(designId: string, row: DeploymentSummary): Promise<VersionExecutions> {
  const client = await getTemporalClient();
  const where =
    row.versioning === 'versioned' && row.buildId
      ? `TemporalWorkerDeploymentVersion = ${visibilityLiteral(`${workerDeploymentName(designId)}:${row.buildId}`)}`
      : `TaskQueue = ${visibilityLiteral(row.taskQueue)}`;
  const { count, groups } = await client.workflow.count(`${where} GROUP BY ExecutionStatus`);
  const open = groups.filter((g) => g.groupValues.flat().some((value) => value === 'Running')).reduce((sum, g) => sum + g.count, 0);
  return { open, total: count };
}

export async function describeDesignVersioning(designId: string): Promise<DesignVersioningView> {
  const behavior = await designVersioningBehavior({ designId });
  if (!behavior) throw new NotFoundError(`Design ${designId} not found`, 'design.not-found');
  const rows = await listDeployments({ designId });
  let routing: RoutingState | null = null;
  let temporalError: string | undefined;
  let executions: (VersionExecutions | null)[] = rows.map(() => null);
  try {
    routing = await routingState(designId);
    // One visibility count per deployment: the newest ones only (the page shows ten).
    executions = await Promise.all(rows.map((row, i) => (i < COUNTED_DEPLOYMENTS ? executionsOf(designId, row) : null)));
  } catch (error) {
    if (!isTemporalUnavailable(error)) throw error;
    temporalError = error instanceof Error ? error.message : String(error);
  }
  return {
    designId,
    taskQueue: designTaskQueue(designId),
    deploymentName: workerDeploymentName(designId),
    behavior,
    currentBuildId: routing?.currentBuildId ?? null,
    rampingBuildId: routing?.rampingBuildId ?? null,
    rampingPercentage: routing?.rampingPercentage ?? 0,
    deployments: rows.map((row, i) => ({
      deploymentId: row.id,
      version: row.version,
      buildId: row.buildId,
      taskQueue: row.taskQueue,
      createdAt: row.createdAt.toISOString(),
      status: versionStatus(row, routing),
      executions: executions[i] ?? null,
    })),
    ...(temporalError !== undefined ? { temporalError } : {}),
  };
}

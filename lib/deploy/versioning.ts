import 'server-only';
import { getTemporalClient, temporalNamespace } from '../temporal-client';
import { workerDeploymentName } from './versioning-names';

/**
 * Routing of a design's new executions between its Worker Deployment Versions, through Temporal's
 * own Worker Versioning API (docs/versioning.md): which version is current and which, if any,
 * ramps and with what share. The server does the routing; Signalbox only says which build ids.
 */

/** Who changed the routing, as Temporal records it (`lastModifierIdentity`). */
const DEFAULT_IDENTITY = 'signalbox';

export interface RoutingChange {
  designId: string;
  /** The user (or service) acting; Temporal keeps it with the deployment's routing config. */
  identity?: string;
  /**
   * The deployment's conflict token from a describe: when given, the change fails if the
   * routing was modified since that read (someone else promoted or ramped meanwhile).
   */
  conflictToken?: Uint8Array;
  /**
   * Set the version even though no worker polls it yet: a rolled-back version whose worker was
   * retired is restarted by a worker host a moment later; its tasks wait on the queue until then.
   */
  allowNoPollers?: boolean;
  /**
   * Skip the server's check that the version polls every task queue the current version polled: for
   * a deploy that already saw the new version poll the design's one queue (lib/deploy/version-rollout.ts).
   * The check costs ~1.2 s on the dev server when it replaces a current version.
   */
  ignoreMissingTaskQueues?: boolean;
}

/** Makes `buildId` the design's current version: new executions (and auto-upgrade ones) go to it. */
export async function setCurrentVersion(change: RoutingChange & { buildId: string }): Promise<void> {
  const client = await getTemporalClient();
  await client.workflowService.setWorkerDeploymentCurrentVersion({
    namespace: temporalNamespace(),
    deploymentName: workerDeploymentName(change.designId),
    buildId: change.buildId,
    identity: change.identity ?? DEFAULT_IDENTITY,
    conflictToken: change.conflictToken,
    allowNoPollers: change.allowNoPollers ?? false,
    ignoreMissingTaskQueues: change.ignoreMissingTaskQueues ?? false,
  });
}

/**
 * Ramps `percentage` % of new executions to `buildId` (the rest go to the current version).
 * A null build id or a percentage of 0 clears the ramp: every new execution goes to the current
 * version again.
 */
export async function setRampingVersion(change: RoutingChange & { buildId: string | null; percentage: number }): Promise<void> {
  const clear = change.buildId === null || change.percentage === 0;
  if (!clear && !(change.percentage > 0 && change.percentage <= 100)) {
    throw new RangeError(`setRampingVersion: percentage must be in (0, 100], got ${change.percentage}`);
  }
  const client = await getTemporalClient();
  await client.workflowService.setWorkerDeploymentRampingVersion({
    namespace: temporalNamespace(),
    deploymentName: workerDeploymentName(change.designId),
    // An empty build id with 0 % is how Temporal (and `temporal worker deployment
    // set-ramping-version --delete`) says "no ramping version".
    buildId: clear ? '' : (change.buildId ?? ''),
    percentage: clear ? 0 : change.percentage,
    identity: change.identity ?? DEFAULT_IDENTITY,
    conflictToken: change.conflictToken,
    allowNoPollers: change.allowNoPollers ?? false,
    ignoreMissingTaskQueues: change.ignoreMissingTaskQueues ?? false,
  });
}

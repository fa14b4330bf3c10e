import 'server-only';

/**
 * The names Temporal's Worker Versioning knows a design by (docs/versioning.md). A design has one
 * task queue for its whole life — callers (services, the temporal CLI, Python clients) configure it
 * once — and one Worker Deployment; each deployed version of the design is a Worker Deployment
 * Version of it, told apart by its build id.
 */
export const DESIGN_TASK_QUEUE_PREFIX = 'signalbox-design-';

/** The design's stable task queue: the same across deploys, rollbacks and worker restarts. */
export function designTaskQueue(designId: string): string {
  return `${DESIGN_TASK_QUEUE_PREFIX}${designId}`;
}

/** The design's Worker Deployment (`temporal worker deployment describe --name <this>`). */
export function workerDeploymentName(designId: string): string {
  return `signalbox-${designId}`;
}

/**
 * The build id of one deployment: the design version it runs, then the deployment's id (a version
 * can be deployed again, e.g. after a template change, and must not reuse a build id).
 */
export function buildIdOf(deployment: { version: number; id: string }): string {
  return `v${deployment.version}-${deployment.id}`;
}

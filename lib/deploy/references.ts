import 'server-only';
import { designArguments, namedDesigns, type Design, type DesignResolution, type DesignResolutions } from '@/codegen';
import { activeDeployments, getVersion } from '@/db/repository';

/**
 * Where each design this one names (a child workflow, a signal's target) runs, for compileDesign's
 * `designs`: only designs with an active deployment, each at the task queue its workers poll — its
 * stable queue (lib/deploy/versioning-names.ts designTaskQueue) since Worker Versioning; a design
 * last deployed before that still polls its deployment's own queue until its next deploy. A name
 * left out is one nothing serves, and compileDesign refuses the deploy naming it.
 *
 * Matched on the workflow type a deployment serves, not the design's current name: a design
 * renamed since its deploy still serves its old type. Two deployed designs of one type: the newest
 * deployment wins (activeDeployments lists oldest first).
 *
 * With each, how its deployed version takes its input and signals: a caller sends separate
 * arguments to one that takes them so (the chapter's `run(request_id)`), one record otherwise.
 */
export async function resolveDesignReferences(design: Design): Promise<DesignResolutions> {
  const wanted = new Set(namedDesigns(design));
  if (wanted.size === 0) return {};
  const newest = new Map<string, { taskQueue: string; designId: string; version: number }>();
  for (const deployment of await activeDeployments()) {
    if (wanted.has(deployment.workflowType)) newest.set(deployment.workflowType, deployment);
  }
  const resolved = await Promise.all(
    [...newest].map(async ([workflowType, deployment]): Promise<[string, DesignResolution]> => {
      const deployed = await getVersion({ id: deployment.designId, version: deployment.version });
      return [workflowType, { taskQueue: deployment.taskQueue, ...(deployed ? { arguments: designArguments(deployed.design) } : {}) }];
    }),
  );
  return Object.fromEntries(resolved);
}

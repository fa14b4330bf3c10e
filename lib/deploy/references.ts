import 'server-only';
import { namedDesigns, type Design, type DesignResolutions } from '@/codegen';
import { activeDeployments } from '@/db/repository';

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
 */
export async function resolveDesignReferences(design: Design): Promise<DesignResolutions> {
  const wanted = new Set(namedDesigns(design));
  if (wanted.size === 0) return {};
  const resolved = new Map<string, { taskQueue: string }>();
  for (const deployment of await activeDeployments()) {
    if (wanted.has(deployment.workflowType)) resolved.set(deployment.workflowType, { taskQueue: deployment.taskQueue });
  }
  return Object.fromEntries(resolved);
}

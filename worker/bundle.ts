/** Builds the workflow sandbox bundle the way the worker host loads it (never from Next.js). */
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

export interface BundleResult {
  code: string;
  ms: number;
}

export async function bundleWorkflows({ workflowsPath }: { workflowsPath: string }): Promise<BundleResult> {
  const started = Date.now();
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
  return { code, ms: Date.now() - started };
}

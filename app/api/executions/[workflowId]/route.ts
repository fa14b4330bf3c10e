import { handle, json } from '../../../../lib/api/errors';
import { routeParam } from '../../../../lib/api/request';
import { describeExecution } from '../../../../lib/executions';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Status, the deployed design, the designer state (current step, path, variables), and the result once closed. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const { workflowId } = await params;
  return json(await describeExecution({ workflowId: routeParam(workflowId) }));
});

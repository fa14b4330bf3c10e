import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { queryExecution } from '@/lib/executions/service';
import { HandlerBodySchema } from '../../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Runs a query of the deployed design; 404 for an approval request the caller may not read. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string; name: string }> }) => {
  const { workflowId, name } = await params;
  const { args } = await readBody(request, HandlerBodySchema);
  const result = await queryExecution({ principal: requirePrincipal(), workflowId: routeParam(workflowId), name: routeParam(name), args });
  return json({ result });
});

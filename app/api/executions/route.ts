import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { parseWith, readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { listAccessClause } from '@/lib/executions/access';
import { countExecutions, listExecutionPage } from '@/lib/executions/list';
import { countByStatus, designChoices } from '@/lib/executions/list-facets';
import { startExecution } from '@/lib/executions/service';
import { ListExecutionsQuerySchema, StartExecutionBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Starts a workflow on the design's newest deployment (or the one given). */
export const POST = handle(async (request: Request) => {
  const body = await readBody(request, StartExecutionBodySchema);
  const { workflowId, runId, deploymentId } = await startExecution(body);
  return json({ workflowId, runId, deploymentId }, 201);
});

/**
 * One page of executions through Temporal visibility, newest first. Filters: designId,
 * deploymentId, version, status, step, workflowId (prefix); pageSize (≤ 500), pageToken (from
 * the previous page's nextPageToken); count=1 adds the total matching, counts=1 the number in each
 * status (`statusCounts`, for the other filters), designs=1 the deployed designs to filter by.
 * Approval requests the caller may not read are left out of all of them (lib/executions/access.ts).
 */
export const GET = handle(async (request: Request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { pageSize, pageToken, count, counts, designs, ...filters } = parseWith(ListExecutionsQuerySchema, params, 'query string');
  const access = await listAccessClause(requirePrincipal());
  const [page, total, statusCounts, designChoicesList] = await Promise.all([
    listExecutionPage({ filters, pageSize, pageToken, access }),
    count ? countExecutions(filters, access) : undefined,
    counts ? countByStatus(filters, access) : undefined,
    designs ? designChoices() : undefined,
  ]);
  return json({
    ...page,
    ...(total === undefined ? {} : { total }),
    ...(statusCounts === undefined ? {} : { statusCounts }),
    ...(designChoicesList === undefined ? {} : { designs: designChoicesList }),
  });
});

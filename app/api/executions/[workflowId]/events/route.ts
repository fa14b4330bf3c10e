import { handle } from '@/lib/api/handle';
import { routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { followExecution } from '@/lib/executions/stream';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Server-sent events following one execution: `execution` events carry the execution's detail
 * (the first one with the design) whenever it changes, `problem` events say Temporal is not
 * answering (the stream keeps trying), `end` follows the last detail once the execution closed.
 */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const { workflowId } = await params;
  const stream = await followExecution({ principal: requirePrincipal(), workflowId: routeParam(workflowId), signal: request.signal });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
});

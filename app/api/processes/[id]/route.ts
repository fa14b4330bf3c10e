import { handle, json } from '../../../../lib/api/errors';
import { routeParam } from '../../../../lib/api/request';
import { requireProcess } from '../../../../lib/approvals/service';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** One process with its spec (the request form is built from its fields). */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return json({ process: await requireProcess(routeParam(id)) });
});

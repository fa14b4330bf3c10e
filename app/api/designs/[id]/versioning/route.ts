import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { routeParam } from '@/lib/api/request';
import { describeDesignVersioning } from '@/lib/deploy/versioning-view';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The design's versions as Temporal routes them: its stable task queue and Worker Deployment, its
 * behaviour (pinned | auto-upgrade), the current and ramping build ids, and per deployment its
 * status and open/total executions (lib/deploy/versioning-view.ts).
 */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return json(await describeDesignVersioning(routeParam(id)));
});

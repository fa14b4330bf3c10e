import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { setVersioningBehavior } from '@/lib/deploy/versioning-actions';
import { describeDesignVersioning } from '@/lib/deploy/versioning-view';
import { BehaviorRequestSchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Pinned (running executions finish on the version they started on) or auto-upgrade (they move to
 * the current version): for the versions deployed from now on. Auto-upgrade is refused (409, naming
 * why) unless the latest deploy's replay check passed.
 */
export const PUT = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const designId = routeParam((await params).id);
  const { behavior } = await readBody(request, BehaviorRequestSchema);
  await setVersioningBehavior({ designId, behavior });
  return json({ versioning: await describeDesignVersioning(designId) });
});

import { getDesign } from '@/db/repository';
import { json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { designTaskQueue } from '@/lib/deploy/versioning-names';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const detail = await getDesign({ id });
  if (!detail) throw notFound(`Design ${id} not found`, 'design.not-found');
  const { name, latestVersion, design, versions } = detail;
  // taskQueue: where callers start this design's executions, the same across deploys and rollbacks.
  return json({ id, name, latestVersion, taskQueue: designTaskQueue(id), design, versions });
});

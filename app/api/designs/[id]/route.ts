import { getDesign, getDraft } from '@/db/repository';
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
  // draft: the autosaved work in progress since a version (the designer opens it), or null.
  const draft = await getDraft({ id });
  // taskQueue: where callers start this design's executions, the same across deploys and rollbacks.
  return json({
    id, name, latestVersion, taskQueue: designTaskQueue(id), design, versions,
    draft: draft && { design: draft.design, baseVersion: draft.baseVersion, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy ? { id: draft.updatedBy, displayName: draft.updatedByName } : null },
  });
});

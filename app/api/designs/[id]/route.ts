import { getDesign } from '@/db/repository';
import { json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const detail = await getDesign({ id });
  if (!detail) throw notFound(`Design ${id} not found`, 'design.not-found');
  const { name, latestVersion, design, versions } = detail;
  return json({ id, name, latestVersion, design, versions });
});

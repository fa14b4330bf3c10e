import { getVersion } from '@/db/repository';
import { json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { intParam } from '@/lib/api/request';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string; version: string }> }) => {
  const { id, version: raw } = await params;
  const version = intParam(raw, 'version');
  const row = await getVersion({ id, version });
  if (!row) throw notFound(`Version ${version} of design ${id} not found`, 'version.not-found');
  return json({ version: row.version, design: row.design });
});

import { listAudit } from '@/db/repository';
import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The audit log, newest first; `?target=user:<id>` narrows it, `?limit=` (≤ 1000, default 100). */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  const limit = Number(url.searchParams.get('limit') ?? 100);
  const target = url.searchParams.get('target') || undefined;
  return json({ entries: await listAudit({ limit: Number.isFinite(limit) ? limit : 100, target }) });
});

import { revokeApiToken } from '@/db/repository';
import { json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { routeParam } from '@/lib/api/request';
import { auditAsCaller } from '@/lib/auth/audit';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Revokes a token: it stops working at once (idempotent). */
export const DELETE = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = routeParam((await params).id);
  const token = await revokeApiToken({ id });
  if (!token) throw notFound(`API token ${id} not found`, 'token.not-found');
  await auditAsCaller('token.revoke', `token:${id}`, { name: token.name });
  return json({ token });
});

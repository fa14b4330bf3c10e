import { json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { getDb } from '@/db/client';
import { markRead, unreadCount } from '@/lib/notifications/store';
import { MarkReadBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Marks notifications read for the caller: `{ ids: [..] }` or `{ all: true }` → { unread }.
 * An id not addressed to the caller is 404 (as if it did not exist), and nothing is marked.
 */
export const POST = handle(async (request: Request) => {
  const body = await readBody(request, MarkReadBodySchema);
  const principal = requirePrincipal();
  const db = await getDb();
  if ('ids' in body) {
    const ids = [...new Set(body.ids)];
    const { addressed } = await markRead(db, principal, ids, { onlyIfAll: true });
    if (addressed < ids.length) throw notFound(`Notification${ids.length === 1 ? ` ${ids[0]}` : 's'} not found`, 'notification.not-found');
  } else {
    await markRead(db, principal);
  }
  return json({ unread: await unreadCount(db, principal) });
});

import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { parseWith } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { getDb } from '@/db/client';
import { listFor, unreadCount } from '@/lib/notifications/store';
import { NotificationsQuerySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The caller's notifications (addressed to their username, or to a role or group they had when sent), newest first:
 * ?unread=1 &before={id} &limit= → { notifications: [{ id, message, to, href, createdAt, read }], unread }.
 */
export const GET = handle(async (request: Request) => {
  const { unread, before, limit } = parseWith(NotificationsQuerySchema, Object.fromEntries(new URL(request.url).searchParams), 'query string');
  const principal = requirePrincipal();
  const db = await getDb();
  const [notifications, count] = await Promise.all([listFor(db, principal, { before, limit, unreadOnly: unread === '1' || unread === 'true' }), unreadCount(db, principal)]);
  return json({ notifications, unread: count });
});

import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { requirePrincipal } from '@/lib/auth/context';
import { getDb } from '@/db/client';
import { unreadCount } from '@/lib/notifications/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** How many of the caller's notifications are unread: { unread } (the header's bell polls this). */
export const GET = handle(async () => json({ unread: await unreadCount(await getDb(), requirePrincipal()) }));

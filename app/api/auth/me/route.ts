import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { requirePrincipal } from '@/lib/auth/context';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The signed-in user: id, username, display name, roles, and whether by session or API token. */
export const GET = handle(async () => json({ user: requirePrincipal() }));

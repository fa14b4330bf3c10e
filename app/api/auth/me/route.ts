import { handle, json } from '../../../../lib/api/errors';
import { requirePrincipal } from '../../../../lib/auth/context';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The signed-in user: id, username, display name, roles, and whether by session or API token. */
export const GET = handle(async () => json({ user: requirePrincipal() }));

import { countUsers } from '@/db/repository';
import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { currentPrincipal } from '@/lib/auth/context';
import { oidcConfigured } from '@/lib/auth/oidc-config';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Whether the first admin still has to be created, who is signed in (if anyone), and whether OIDC sign-in is on. */
export const GET = handle(async () => {
  return json({ setupRequired: (await countUsers()) === 0, user: currentPrincipal(), oidc: oidcConfigured() });
});

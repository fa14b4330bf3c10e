/**
 * The session and role check for pages (server components). Every page calls
 * `requirePageAccess('<its pattern>')` first; lib/auth/page-policy.test.ts checks that they do.
 *   no account yet → /setup · not signed in → /login?next=… · wrong role → /not-allowed
 * In app/ because it needs Next.js (cookies, redirect) and React's per-request cache, and lib/ is
 * framework-free (docs/architecture.md, rule lib-no-framework).
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { countUsers } from '@/db/repository';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { pageRuleFor, rolesAllowed } from '@/lib/auth/policy';
import type { Principal } from '@/lib/auth/principal';
import { principalForSession } from '@/lib/auth/sessions';

/** The signed-in user of this request, or null (looked up once per request: layout and page share it). */
export const currentUser = cache(async (): Promise<Principal | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return (await principalForSession(token)) ?? null;
});

export { safeNextPath } from '@/lib/auth/next-path';

/**
 * Returns the signed-in user allowed to see the page `pattern` (spelled like its directory,
 * e.g. `/designs/[id]`), or redirects. `path` is where to come back to after signing in.
 */
export async function requirePageAccess(pattern: string, path?: string): Promise<Principal> {
  const user = await currentUser();
  if (!user) {
    if ((await countUsers()) === 0) redirect('/setup');
    const back = path ?? (pattern.includes('[') ? '/' : pattern);
    redirect(back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`);
  }
  const rule = pageRuleFor(pattern);
  if (!rule || !rolesAllowed(rule.access, user.roles)) redirect(`/not-allowed?page=${encodeURIComponent(pattern)}`);
  return user;
}

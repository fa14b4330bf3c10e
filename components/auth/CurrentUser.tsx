'use client';
/**
 * The signed-in user for client components, provided once by the root layout:
 *   const user = useCurrentUser();          // null when signed out
 *   const { allowed } = useAccess('POST', `/api/designs/${id}/deployments`);
 * `useAccess` reads the same policy table the server enforces (lib/auth/policy.ts), so a button can
 * be disabled with the reason instead of failing with 403. The server still checks every request.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { describeAccess, rolesAllowed, routeRuleFor } from '@/lib/auth/policy';
import type { Principal } from '@/lib/auth/principal';

const CurrentUserContext = createContext<Principal | null>(null);

export function CurrentUserProvider({ user, children }: { user: Principal | null; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): Principal | null {
  return useContext(CurrentUserContext);
}

/** Whether the current user may call this API route, and if not, why (for a tooltip or message). */
export function accessFor(user: Principal | null, method: string, path: string): { allowed: boolean; reason: string | null } {
  const rule = routeRuleFor(method, path);
  if (!rule) return { allowed: false, reason: `No access rule covers ${method} ${path}` };
  if (rule.access === 'public') return { allowed: true, reason: null };
  if (!user) return { allowed: false, reason: 'Sign in first' };
  if (rolesAllowed(rule.access, user.roles)) return { allowed: true, reason: null };
  return { allowed: false, reason: `Needs ${describeAccess(rule.access)}; you have ${user.roles.join(', ') || 'no role'}` };
}

export function useAccess(method: string, path: string): { allowed: boolean; reason: string | null } {
  return accessFor(useCurrentUser(), method, path);
}

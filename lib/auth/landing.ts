import 'server-only';
import { pageRuleFor, rolesAllowed } from './policy';
import type { Role } from './roles';

/**
 * Where a signed-in user starts. The home page lists designs, which approvers and requesters may not
 * read: they start on the page made for them instead of on "not allowed".
 */
export function landingPageFor(roles: readonly Role[]): string {
  const allowed = (pattern: string) => {
    const rule = pageRuleFor(pattern);
    return rule !== undefined && rolesAllowed(rule.access, roles);
  };
  if (allowed('/')) return '/';
  if (allowed('/inbox')) return '/inbox';
  if (allowed('/requests')) return '/requests';
  return '/';
}

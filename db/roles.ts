/**
 * The role names, in the order the UI lists them. They live here, at the bottom, because the
 * users table stores them (db/schema.ts); lib/auth/roles.ts re-exports them with their
 * descriptions. Pure: no drizzle, safe to reach from client components.
 */
export const ROLES = ['admin', 'designer', 'operator', 'approver', 'viewer', 'requester'] as const;
export type Role = (typeof ROLES)[number];

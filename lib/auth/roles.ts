/** The roles and what each may do. Safe to import from client components. */
import { ROLES, type Role } from '@/db/roles';

// The list itself sits in db/ (the users table stores it; db/ is below lib/, docs/architecture.md).
export { ROLES, type Role };

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Everything, including users, roles and API tokens',
  designer: 'Designs, deploys (which runs code) and runs workflows',
  operator: 'Starts, signals, updates and cancels executions; reads designs',
  approver: 'Acts on approval tasks assigned to them or their role',
  viewer: 'Reads designs, deployments and executions; changes nothing',
  requester: 'Submits requests to approval processes and follows them',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

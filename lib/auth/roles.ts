/** The roles, in the order the UI lists them. Safe to import from client components. */
export const ROLES = ['admin', 'designer', 'operator', 'approver', 'viewer', 'requester'] as const;
export type Role = (typeof ROLES)[number];

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

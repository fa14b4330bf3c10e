/**
 * Who may do what: every API route (method + path pattern, spelled like its directory under
 * app/api) and every page, with the roles allowed. Enforced centrally by `handle()` in
 * lib/api/handle.ts (routes) and `requirePageAccess()` in app/page-access.ts (pages).
 *
 * Default deny: a route or page without an entry here is refused to everyone (403
 * `auth.no-policy`), and app/api/security.test.ts fails for every route file without its entry.
 * Adding a route? Add its line below. Safe to import from client components (no server code).
 */
import type { Role } from './roles';

/** Public = no session needed; signed-in = any enabled account; else the roles listed. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteRule {
  method: Method;
  /** Like the route's directory: `/api/designs/[id]/deployments`; `[...rest]` matches the rest. */
  pattern: string;
  access: Access;
  /** Security-relevant: each successful call is written to the audit log under this action. */
  audit?: string;
}

/** Read designs, deployments and executions. */
const READERS: readonly Role[] = ['admin', 'designer', 'operator', 'viewer'];
/** Change designs and deploy them (deploying runs code on the worker hosts). */
const DESIGNERS: readonly Role[] = ['admin', 'designer'];
/** Start, signal, update and cancel executions. */
const OPERATORS: readonly Role[] = ['admin', 'designer', 'operator'];
const ADMINS: readonly Role[] = ['admin'];
/** Submit approval requests and follow their own (lib/approvals). */
const REQUESTERS: readonly Role[] = ['admin', 'requester'];
/** Act on approval tasks; the workflow's validator still decides who may decide what. */
const APPROVERS: readonly Role[] = ['admin', 'approver'];

export const ROUTE_POLICY: readonly RouteRule[] = [
  // reachability of the database and Temporal, for the connection banner (also on the sign-in
  // page) and load balancers; says nothing beyond up/down and the Temporal address
  { method: 'GET', pattern: '/api/health', access: 'public' },
  // accounts and sessions
  { method: 'GET', pattern: '/api/auth/status', access: 'public' },
  { method: 'POST', pattern: '/api/auth/setup', access: 'public' },
  { method: 'POST', pattern: '/api/auth/login', access: 'public' },
  // OIDC sign-in (only when configured): the redirect to the provider and the way back
  { method: 'GET', pattern: '/api/auth/oidc/start', access: 'public' },
  { method: 'GET', pattern: '/api/auth/oidc/callback', access: 'public' },
  { method: 'POST', pattern: '/api/auth/logout', access: 'signed-in' },
  { method: 'GET', pattern: '/api/auth/me', access: 'signed-in' },
  { method: 'POST', pattern: '/api/auth/password', access: 'signed-in' },
  // administration
  { method: 'GET', pattern: '/api/admin/users', access: ADMINS },
  { method: 'POST', pattern: '/api/admin/users', access: ADMINS },
  { method: 'PATCH', pattern: '/api/admin/users/[id]', access: ADMINS },
  { method: 'POST', pattern: '/api/admin/users/[id]/password', access: ADMINS },
  { method: 'GET', pattern: '/api/admin/tokens', access: ADMINS },
  { method: 'POST', pattern: '/api/admin/tokens', access: ADMINS },
  { method: 'DELETE', pattern: '/api/admin/tokens/[id]', access: ADMINS },
  { method: 'GET', pattern: '/api/admin/audit', access: ADMINS },
  // groups (lib/auth/groups.ts): admin-managed sets of users that approval levels name as approvers;
  // process authors read them and look people up for the approver picker (usernames and display names only)
  { method: 'GET', pattern: '/api/groups', access: DESIGNERS },
  { method: 'POST', pattern: '/api/groups', access: ADMINS, audit: 'group.create' },
  { method: 'PUT', pattern: '/api/groups/[name]', access: ADMINS, audit: 'group.update' },
  { method: 'DELETE', pattern: '/api/groups/[name]', access: ADMINS, audit: 'group.delete' },
  { method: 'GET', pattern: '/api/groups/[name]/members', access: DESIGNERS },
  { method: 'POST', pattern: '/api/groups/[name]/members', access: ADMINS, audit: 'group.member-add' },
  { method: 'DELETE', pattern: '/api/groups/[name]/members', access: ADMINS, audit: 'group.member-remove' },
  { method: 'GET', pattern: '/api/people', access: DESIGNERS },
  // designs and deployments
  { method: 'GET', pattern: '/api/designs', access: READERS },
  { method: 'POST', pattern: '/api/designs', access: DESIGNERS },
  { method: 'GET', pattern: '/api/designs/[id]', access: READERS },
  { method: 'POST', pattern: '/api/designs/[id]/versions', access: DESIGNERS },
  { method: 'GET', pattern: '/api/designs/[id]/versions', access: READERS },
  { method: 'PUT', pattern: '/api/designs/[id]/draft', access: DESIGNERS },
  { method: 'DELETE', pattern: '/api/designs/[id]/draft', access: DESIGNERS },
  { method: 'GET', pattern: '/api/designs/[id]/diff', access: READERS },
  { method: 'GET', pattern: '/api/designs/[id]/versions/[version]', access: READERS },
  { method: 'GET', pattern: '/api/designs/[id]/deployments', access: READERS },
  { method: 'POST', pattern: '/api/designs/[id]/deployments', access: DESIGNERS, audit: 'design.deploy' },
  { method: 'GET', pattern: '/api/designs/[id]/export', access: READERS },
  // Worker Versioning (lib/deploy/versioning-*.ts): which version new executions go to; promote is also the instant rollback
  { method: 'GET', pattern: '/api/designs/[id]/versioning', access: READERS },
  { method: 'POST', pattern: '/api/designs/[id]/versioning/promote', access: DESIGNERS, audit: 'versioning.promote' },
  { method: 'POST', pattern: '/api/designs/[id]/versioning/ramp', access: DESIGNERS, audit: 'versioning.ramp' },
  { method: 'DELETE', pattern: '/api/designs/[id]/versioning/ramp', access: DESIGNERS, audit: 'versioning.ramp-stop' },
  { method: 'PUT', pattern: '/api/designs/[id]/versioning/behaviour', access: DESIGNERS, audit: 'versioning.behaviour' },
  { method: 'GET', pattern: '/api/deployments', access: READERS },
  // a rollback deploys an older deployment's code again
  { method: 'POST', pattern: '/api/deployments/[id]/rollback', access: DESIGNERS, audit: 'deployment.rollback' },
  // the live code view compiles without storing or running anything: readers see the code too
  { method: 'POST', pattern: '/api/compile', access: READERS },
  // the designer's "check": type-checks custom activity code with the generated code (nothing stored or run)
  { method: 'POST', pattern: '/api/verify', access: DESIGNERS },
  // executions: lib/executions/access.ts narrows every one of these further — approval requests are
  // read only by their requester, approvers and admins (404 otherwise) and take no message here;
  // a message only reaches an execution of the design it names; refusals audited
  { method: 'GET', pattern: '/api/executions', access: READERS },
  { method: 'POST', pattern: '/api/executions', access: OPERATORS, audit: 'execution.start' },
  { method: 'POST', pattern: '/api/executions/signal-with-start', access: OPERATORS, audit: 'execution.signal-with-start' },
  { method: 'POST', pattern: '/api/executions/update-with-start', access: OPERATORS, audit: 'execution.update-with-start' },
  { method: 'GET', pattern: '/api/executions/[workflowId]', access: READERS },
  { method: 'GET', pattern: '/api/executions/[workflowId]/events', access: READERS },
  { method: 'GET', pattern: '/api/executions/[workflowId]/history', access: READERS },
  { method: 'POST', pattern: '/api/executions/[workflowId]/queries/[name]', access: READERS },
  { method: 'POST', pattern: '/api/executions/[workflowId]/signals/[name]', access: OPERATORS, audit: 'execution.signal' },
  { method: 'POST', pattern: '/api/executions/[workflowId]/updates/[name]', access: OPERATORS, audit: 'execution.update' },
  { method: 'POST', pattern: '/api/executions/[workflowId]/cancel', access: OPERATORS, audit: 'execution.cancel' },
  { method: 'POST', pattern: '/api/executions/[workflowId]/terminate', access: OPERATORS, audit: 'execution.terminate' },
  { method: 'POST', pattern: '/api/executions/[workflowId]/reset', access: OPERATORS, audit: 'execution.reset' },
  // each execution is audited as its single route would be (lib/executions/bulk.ts)
  { method: 'POST', pattern: '/api/executions/bulk', access: OPERATORS },
  // approvals (lib/approvals): creating a process deploys its design; submissions and decisions are audited by the service
  { method: 'GET', pattern: '/api/processes', access: 'signed-in' },
  { method: 'POST', pattern: '/api/processes', access: DESIGNERS, audit: 'approval.process-deploy' },
  { method: 'GET', pattern: '/api/processes/[id]', access: 'signed-in' },
  { method: 'PUT', pattern: '/api/processes/[id]', access: DESIGNERS, audit: 'approval.process-deploy' },
  { method: 'GET', pattern: '/api/requests', access: REQUESTERS },
  { method: 'POST', pattern: '/api/requests', access: REQUESTERS },
  // the requester, the process's approvers and admins see a request; anyone else gets 404
  { method: 'GET', pattern: '/api/requests/[workflowId]', access: 'signed-in' },
  { method: 'GET', pattern: '/api/inbox', access: APPROVERS },
  { method: 'POST', pattern: '/api/inbox/[workflowId]/decision', access: APPROVERS },
  // in-app notifications: every account has its own (addressed to its username or roles); lib/notifications
  { method: 'GET', pattern: '/api/notifications', access: 'signed-in' },
  { method: 'GET', pattern: '/api/notifications/count', access: 'signed-in' },
  { method: 'POST', pattern: '/api/notifications/read', access: 'signed-in' },
];

export interface PageRule {
  /** Like the page's directory under app/: `/designs/[id]`. */
  pattern: string;
  access: Access;
}

export const PAGE_POLICY: readonly PageRule[] = [
  { pattern: '/setup', access: 'public' },
  { pattern: '/login', access: 'public' },
  { pattern: '/not-allowed', access: 'signed-in' },
  { pattern: '/', access: READERS },
  { pattern: '/designs/[id]', access: READERS },
  { pattern: '/executions', access: READERS },
  { pattern: '/executions/[workflowId]', access: READERS },
  { pattern: '/admin/users', access: ADMINS },
  { pattern: '/admin/groups', access: ADMINS },
  { pattern: '/processes', access: DESIGNERS },
  { pattern: '/requests', access: REQUESTERS },
  { pattern: '/requests/[workflowId]', access: 'signed-in' },
  { pattern: '/inbox', access: APPROVERS },
];

// ---------- matching ----------

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/**
 * How well a concrete path matches a pattern: null for no match, else one rank per segment
 * (2 static, 1 dynamic, 0 catch-all) so that, as in Next.js routing, static segments win.
 */
export function matchPattern(pattern: string, path: string): number[] | null {
  const want = segments(pattern);
  const have = segments(path);
  const ranks: number[] = [];
  for (let i = 0; i < want.length; i++) {
    const seg = want[i]!;
    if (/^\[\.\.\.[^\]]+\]$/.test(seg)) {
      if (have.length <= i) return null;
      ranks.push(0);
      return ranks;
    }
    const value = have[i];
    if (value === undefined) return null;
    if (/^\[[^\]]+\]$/.test(seg)) ranks.push(1);
    else if (seg === value) ranks.push(2);
    else return null;
  }
  return have.length === want.length ? ranks : null;
}

function moreSpecific(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x > y;
  }
  return false;
}

function bestMatch<R extends { pattern: string }>(rules: readonly R[], path: string): R | undefined {
  let best: { rule: R; ranks: number[] } | undefined;
  for (const rule of rules) {
    const ranks = matchPattern(rule.pattern, path);
    if (ranks && (!best || moreSpecific(ranks, best.ranks))) best = { rule, ranks };
  }
  return best?.rule;
}

/** The rule for a request, or undefined (= denied to everyone). */
export function routeRuleFor(method: string, path: string): RouteRule | undefined {
  const upper = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return bestMatch(
    ROUTE_POLICY.filter((rule) => rule.method === upper),
    path,
  );
}

export function pageRuleFor(path: string): PageRule | undefined {
  return bestMatch(PAGE_POLICY, path);
}

/** Whether an account with these roles passes this access rule (signed-in is checked by the caller). */
export function rolesAllowed(access: Access, roles: readonly Role[]): boolean {
  if (access === 'public' || access === 'signed-in') return true;
  return roles.some((role) => access.includes(role));
}

export function describeAccess(access: Access): string {
  if (access === 'public') return 'anyone';
  if (access === 'signed-in') return 'any signed-in user';
  return access.length === 1 ? `the ${access[0]} role` : `one of the roles ${access.join(', ')}`;
}

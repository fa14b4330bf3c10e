/**
 * A request's status as people read it — which levels apply, who approved, who is still
 * pending, what happened at deadlines — computed from the workflow's own state (the variables of
 * the generated design, read through the designer query). Pure: shared by the API and its tests.
 */
import 'server-only';
import { describeApprover, describeRule, rejectionLimit, type ApprovalProcessSpec, type Approver } from './spec';

export type Outcome = 'pending' | 'approved' | 'rejected' | 'unknown';
export type LevelState = 'approved' | 'rejected' | 'open' | 'waiting' | 'skipped' | 'not reached';

export interface HistoryEntry {
  level: number;
  levelName: string;
  /** A username, or "deadline" for what the deadline did. */
  actor: string;
  verdict: string;
  comment: string;
}

export interface LevelStatus {
  level: number;
  name: string;
  state: LevelState;
  approvers: string[];
  required: number;
  mode: 'parallel' | 'sequential';
  approvedBy: string[];
  /** Who rejected at this level (with N of M a rejection need not end the level). */
  rejectedBy: string[];
  /** Rejections that reject the level: N approvals can no longer be reached (spec.rejectionLimit). */
  rejectLimit: number;
  /** "2 of 3 must approve; the level is rejected at the second rejection (…)". */
  rule: string;
  /** Who may still decide at the open level (users by name, roles as "role …"). */
  pending: string[];
  /** Who the open level was escalated to ("boss", then "boss, then role admin" once escalated further). */
  escalatedTo: string | null;
}

export interface RequestStatus {
  outcome: Outcome;
  /** The open level (1-based), 0 when none. */
  level: number;
  escalated: boolean;
  levels: LevelStatus[];
  history: HistoryEntry[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.map(Number) : []);

/** The workflow's variables (from the designer query), or null when it could not be asked. */
export function requestStatus(spec: ApprovalProcessSpec, variables: Record<string, unknown> | null, closedResult?: unknown): RequestStatus {
  if (!variables) {
    const outcome: Outcome = closedResult === 'approved' || closedResult === 'rejected' ? closedResult : 'unknown';
    return { outcome, level: 0, escalated: false, levels: spec.levels.map((l, i) => levelStatus(l, i + 1, outcome === 'approved' ? 'approved' : 'waiting', [], [], [], null)), history: [] };
  }
  const rawOutcome = String(variables.outcome ?? 'pending');
  const outcome: Outcome = rawOutcome === 'approved' || rawOutcome === 'rejected' || rawOutcome === 'pending' ? rawOutcome : 'unknown';
  const level = Number(variables.level ?? 0);
  const escalated = variables.escalated === true;
  const escalatedAgain = variables.escalatedAgain === true;
  const approvals = strings(variables.approvals);
  const rejections = strings(variables.rejections);
  const levels = numbers(variables.decisionLevels);
  const actors = strings(variables.decisionActors);
  const verdicts = strings(variables.decisionVerdicts);
  const comments = strings(variables.decisionComments);
  const history: HistoryEntry[] = levels.map((l, i) => ({
    level: l,
    levelName: spec.levels[l - 1]?.name ?? `Level ${l}`,
    actor: actors[i] ?? '',
    verdict: verdicts[i] ?? '',
    comment: comments[i] ?? '',
  }));
  const result = spec.levels.map((spec_, i) => {
    const n = i + 1;
    const applies = variables[`appliesLevel${n}`] !== false;
    const mine = history.filter((h) => h.level === n);
    const approvedBy = mine.filter((h) => h.verdict === 'approved').map((h) => h.actor);
    const rejectedBy = mine.filter((h) => h.verdict === 'rejected').map((h) => h.actor);
    // The workflow's `level` stays on the level that decided the request; with N of M a
    // rejection alone does not say the level was rejected.
    let state: LevelState;
    if (!applies) state = 'skipped';
    else if (n < level) state = 'approved';
    else if (n === level) state = outcome === 'pending' ? 'open' : outcome === 'approved' ? 'approved' : outcome === 'rejected' ? 'rejected' : 'waiting';
    else state = outcome === 'pending' ? 'waiting' : 'not reached';
    const open = state === 'open';
    const pending = open ? pendingApprovers(spec_, approvals, rejections, escalated, escalatedAgain) : [];
    const escalation = spec_.onDeadline?.action === 'escalate' ? spec_.onDeadline : null;
    const escalatedTo =
      open && escalated && escalation
        ? [escalation.to, ...(escalatedAgain && escalation.then?.action === 'escalate' ? [escalation.then.to] : [])].map(describeApprover).join(', then ')
        : null;
    return levelStatus(spec_, n, state, approvedBy, rejectedBy, pending, escalatedTo);
  });
  return { outcome, level, escalated, levels: result, history };
}

function levelStatus(
  level: ApprovalProcessSpec['levels'][number],
  n: number,
  state: LevelState,
  approvedBy: string[],
  rejectedBy: string[],
  pending: string[],
  escalatedTo: string | null,
): LevelStatus {
  return {
    level: n,
    name: level.name,
    state,
    approvers: level.approvers.map(describeApprover),
    required: level.required,
    mode: level.mode,
    approvedBy,
    rejectedBy,
    rejectLimit: rejectionLimit(level),
    rule: describeRule(level),
    pending,
    escalatedTo,
  };
}

function pendingApprovers(level: ApprovalProcessSpec['levels'][number], approvals: string[], rejections: string[], escalated: boolean, escalatedAgain: boolean): string[] {
  const decided = approvals.length + rejections.length;
  const notYet = (a: Approver) => a.kind === 'role' || (!approvals.includes(a.name) && !rejections.includes(a.name));
  const base = level.mode === 'sequential' ? level.approvers.slice(decided, decided + 1) : level.approvers.filter(notYet);
  const escalation = level.onDeadline?.action === 'escalate' ? level.onDeadline : null;
  const extra = escalated && escalation ? [escalation.to, ...(escalatedAgain && escalation.then?.action === 'escalate' ? [escalation.then.to] : [])] : [];
  return [...base, ...extra].map(describeApprover);
}

/** Someone who may decide: by username, by role, or (when their groups were read) by group. */
export interface ApproverIdentity {
  username: string;
  roles: readonly string[];
  /** The groups they are in (lib/auth/groups.ts); absent: none counted. */
  groups?: readonly string[];
}

/** Whether someone could ever decide on this process's requests (listed by name, role or group, or an escalation target). */
export function isApproverOf(spec: ApprovalProcessSpec, who: ApproverIdentity): boolean {
  const matches = (a: Approver) => (a.kind === 'user' ? a.name === who.username : a.kind === 'group' ? (who.groups ?? []).includes(a.name) : who.roles.includes(a.name));
  return spec.levels.some(
    (l) =>
      l.approvers.some(matches) ||
      (l.onDeadline?.action === 'escalate' && (matches(l.onDeadline.to) || (l.onDeadline.then?.action === 'escalate' && matches(l.onDeadline.then.to)))),
  );
}

/** The open level's task as the inbox projection stores it (lib/approvals/tasks.ts). */
export interface OpenTask {
  /** Who may decide now, before the per-person rules (not twice, not one's own request): `user:<name>` / `role:<role>` / `group:<group>`. */
  assignees: string[];
  /** Who already decided at the open level, approving or rejecting (neither may decide there again). */
  decidedBy: string[];
  /** The open level has what it needs (or is rejected) and the workflow is moving on: read it again soon. */
  inTransition: boolean;
}

/**
 * Who may decide at the open level, by the same rules as the decide update's eligibility
 * validator (lib/approvals/generate.ts): the level's approvers (for a sequential level only the
 * one whose turn it is), plus the escalation targets once escalated; nobody once the level is
 * settled. The validator stays the authority: this only decides which tasks the inbox lists.
 */
export function openTask(spec: ApprovalProcessSpec, variables: Record<string, unknown> | null): OpenTask {
  const none: OpenTask = { assignees: [], decidedBy: [], inTransition: false };
  if (!variables || String(variables.outcome ?? 'pending') !== 'pending') return none;
  const level = spec.levels[Number(variables.level ?? 0) - 1];
  if (!level) return none;
  const approvals = strings(variables.approvals);
  const rejections = strings(variables.rejections);
  const decidedBy = [...new Set([...approvals, ...rejections])];
  const required = Number(variables.required ?? level.required);
  const rejectLimit = Number(variables.rejectLimit ?? rejectionLimit(level));
  const rejected = rejections.length >= rejectLimit || variables.escalationRejected === true;
  if (rejected || approvals.length >= required || variables.escalationApproved === true) return { assignees: [], decidedBy, inTransition: true };
  const turn = approvals.length + rejections.length;
  const base = level.mode === 'sequential' ? level.approvers.slice(turn, turn + 1) : level.approvers;
  const escalation = level.onDeadline?.action === 'escalate' ? level.onDeadline : null;
  const targets = variables.escalated === true && escalation ? [escalation.to, ...(variables.escalatedAgain === true && escalation.then?.action === 'escalate' ? [escalation.then.to] : [])] : [];
  const assignees = [...new Set([...base, ...targets].map((a) => `${a.kind}:${a.name}`))];
  return { assignees, decidedBy, inTransition: false };
}

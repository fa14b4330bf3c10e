/**
 * An approval process as a business user describes it in the guided form: the request's fields
 * and the approval levels. `generateApprovalDesign` (./generate.ts) turns it into an ordinary
 * design. Pure: no server code, safe to import from client components.
 */
import { z } from 'zod';
import { ROLES } from '../auth/roles';

/** Field names become workflow input names: identifiers, and never the ones the generator adds. */
export const RESERVED_FIELD_NAMES = ['requester'] as const;

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
/** Usernames (as accounts spell them) and role names travel into expressions as string literals: keep them tame. */
export const APPROVER_NAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** The most levels a process may have. */
export const MAX_LEVELS = 10;

export const RequestFieldSchema = z.object({
  name: z
    .string()
    .regex(FIELD_NAME, 'must start with a letter and contain only letters, digits and "_" (at most 40)')
    .refine((n) => !(RESERVED_FIELD_NAMES as readonly string[]).includes(n), 'is reserved (the requester is recorded automatically)'),
  label: z.string().max(100).optional(),
  /** `date`: a calendar day, no time; the workflow carries it as ISO text "2026-12-24" (checked when a request is submitted). */
  type: z.enum(['string', 'number', 'boolean', 'money', 'date']),
  required: z.boolean().default(true),
});
export type RequestField = z.infer<typeof RequestFieldSchema>;

/**
 * Who may decide: one user by username, everyone holding a role, or every member of a group (an
 * admin-managed set of users, lib/auth/groups.ts). Whether a group exists is checked by the service
 * when the process is saved (this module is pure).
 */
export const ApproverSchema = z.object({
  kind: z.enum(['user', 'role', 'group']),
  name: z.string().trim().toLowerCase().regex(APPROVER_NAME, 'must be a username or role, or a group name: 2-40 letters, digits, dots, dashes or underscores'),
}).refine((a) => a.kind !== 'role' || (ROLES as readonly string[]).includes(a.name), {
  message: `is not a role (roles: ${ROLES.join(', ')})`,
  path: ['name'],
});
export type Approver = z.infer<typeof ApproverSchema>;

export const DeadlineSchema = z.object({
  amount: z.number().int().positive().max(100000),
  unit: z.enum(['seconds', 'minutes', 'hours', 'days']),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

/** What happens when an escalated task's own deadline passes: decide, or escalate once more (no further deadline). */
export const EscalationDeadlineActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('escalate'), to: ApproverSchema }),
  z.object({ action: z.literal('approve') }),
  z.object({ action: z.literal('reject') }),
]);
export type EscalationDeadlineAction = z.infer<typeof EscalationDeadlineActionSchema>;

export const DeadlineActionSchema = z.discriminatedUnion('action', [
  /**
   * Someone else may decide from then on (the level's approvers still may too). The escalated task
   * may have its own deadline (`deadline`) and what happens then (`then`); without one it waits.
   */
  z.object({ action: z.literal('escalate'), to: ApproverSchema, deadline: DeadlineSchema.optional(), then: EscalationDeadlineActionSchema.optional() }),
  z.object({ action: z.literal('approve') }),
  z.object({ action: z.literal('reject') }),
]);
export type DeadlineAction = z.infer<typeof DeadlineActionSchema>;

export const LevelSchema = z
  .object({
    name: z.string().trim().min(1, 'needs a name').max(60),
    approvers: z.array(ApproverSchema).min(1, 'needs at least one approver').max(20),
    /** On the request, in the expression language, e.g. `input.amount >= money("1000")`; the level is skipped when false. */
    condition: z.string().max(500).optional(),
    /** parallel: the approvers decide in any order; sequential: one after the other, in the order listed. */
    mode: z.enum(['parallel', 'sequential']).default('parallel'),
    /** How many approvals the level needs (N of M). Rejected once N can no longer be reached: see `rejectionLimit`. */
    required: z.number().int().min(1).max(20).default(1),
    deadline: DeadlineSchema.optional(),
    onDeadline: DeadlineActionSchema.optional(),
  })
  .superRefine((level, ctx) => {
    const onlyUsers = level.approvers.every((a) => a.kind === 'user');
    if ((onlyUsers || level.mode === 'sequential') && level.required > level.approvers.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['required'],
        message: `needs ${level.required} approvals but only ${level.approvers.length} approver${level.approvers.length === 1 ? ' is' : 's are'} listed`,
      });
    }
    if (level.onDeadline && !level.deadline) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'is needed for what happens at the deadline' });
    if (level.deadline && !level.onDeadline) ctx.addIssue({ code: 'custom', path: ['onDeadline'], message: 'says what happens at the deadline: escalate, approve or reject' });
    const escalation = level.onDeadline?.action === 'escalate' ? level.onDeadline : null;
    if (escalation?.then && !escalation.deadline) ctx.addIssue({ code: 'custom', path: ['onDeadline', 'deadline'], message: "is needed for what happens at the escalated task's deadline" });
    if (escalation?.deadline && !escalation.then) ctx.addIssue({ code: 'custom', path: ['onDeadline', 'then'], message: "says what happens at the escalated task's deadline: escalate further, approve or reject" });
    if (escalation?.then?.action === 'escalate' && sameApprover(escalation.then.to, escalation.to)) {
      ctx.addIssue({ code: 'custom', path: ['onDeadline', 'then', 'to', 'name'], message: `is already who the task was escalated to (${describeApprover(escalation.to)}): escalate further to someone else` });
    }
  });
export type Level = z.infer<typeof LevelSchema>;

export const ApprovalProcessSpecSchema = z
  .object({
    /** Shown to people, e.g. "Purchase request"; the workflow type is derived from it. */
    name: z.string().trim().min(1, 'needs a name').max(80).regex(/[A-Za-z]/, 'needs at least one letter'),
    description: z.string().max(1000).optional(),
    fields: z.array(RequestFieldSchema).max(30),
    levels: z.array(LevelSchema).min(1, 'needs at least one level').max(MAX_LEVELS),
    /** Whether the requester may approve their own request when they are also an approver. */
    allowSelfApproval: z.boolean().default(false),
    /** Notify a level's approvers (built-in notify activity) when it opens. */
    notify: z.boolean().default(false),
  })
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.fields.forEach((f, i) => {
      if (seen.has(f.name)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'name'], message: `"${f.name}" is used by two fields` });
      seen.add(f.name);
    });
  });
export type ApprovalProcessSpec = z.infer<typeof ApprovalProcessSpecSchema>;
export type ApprovalProcessInput = z.input<typeof ApprovalProcessSpecSchema>;

/** "levels.1.required: needs 3 approvals …" for each problem, so the form can point at the field. */
export interface SpecIssue {
  path: string;
  message: string;
}

export function parseApprovalSpec(input: unknown): { ok: true; spec: ApprovalProcessSpec } | { ok: false; issues: SpecIssue[] } {
  const result = ApprovalProcessSpecSchema.safeParse(input);
  if (result.success) return { ok: true, spec: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** "levels.1.approvers.0.name" → "Level 2 › approver 1 › name": where a problem is, in the form's words. */
export function describeIssuePath(path: string): string {
  const parts = path.split('.');
  const words: string[] = [];
  const nouns: Record<string, string> = { levels: 'level', fields: 'field', approvers: 'approver' };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const index = Number(parts[i + 1]);
    const noun = nouns[part];
    if (noun && parts[i + 1] !== undefined && Number.isInteger(index)) {
      words.push(`${noun} ${index + 1}`);
      i++;
    } else words.push(ISSUE_WORDS[part] ?? part);
  }
  const text = words.join(' › ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ISSUE_WORDS: Record<string, string> = {
  onDeadline: 'at the deadline',
  then: 'at the escalated deadline',
  to: 'to',
  required: 'approvals needed',
};

export function describeApprover(a: Approver): string {
  return a.kind === 'user' ? a.name : `${a.kind} ${a.name}`;
}

/**
 * Every group the spec names, with where (`levels.0.approvers.1.name`, or the escalation's
 * `levels.0.onDeadline.to.name`): the service checks each exists before saving.
 */
export function groupsNamedIn(spec: ApprovalProcessSpec): { name: string; path: string }[] {
  return spec.levels.flatMap((level, i) => {
    const named: { approver: Approver; path: string }[] = level.approvers.map((approver, k) => ({ approver, path: `levels.${i}.approvers.${k}.name` }));
    if (level.onDeadline?.action === 'escalate') {
      named.push({ approver: level.onDeadline.to, path: `levels.${i}.onDeadline.to.name` });
      if (level.onDeadline.then?.action === 'escalate') named.push({ approver: level.onDeadline.then.to, path: `levels.${i}.onDeadline.then.to.name` });
    }
    return named.filter((n) => n.approver.kind === 'group').map((n) => ({ name: n.approver.name, path: n.path }));
  });
}

export function describeDeadline(d: Deadline): string {
  return `${d.amount} ${d.amount === 1 ? d.unit.replace(/s$/, '') : d.unit}`;
}

function sameApprover(a: Approver, b: Approver): boolean {
  return a.kind === b.kind && a.name === b.name;
}

/**
 * How many rejections reject a level (N of M): as soon as N approvals can no longer be reached,
 * i.e. after M − N + 1 rejections, M being the people who can decide. M is known when the level
 * lists users only, or when it is sequential (each position decides once, a role position too).
 * A parallel level with a role has no fixed M (anyone holding the role may decide), so the first
 * rejection rejects it: waiting for an unknown number of others could wait forever.
 */
export function rejectionLimit(level: Pick<Level, 'approvers' | 'mode' | 'required'>): number {
  const fixed = level.mode === 'sequential' || level.approvers.every((a) => a.kind === 'user');
  return fixed ? Math.max(1, level.approvers.length - level.required + 1) : 1;
}

/** "2 of 3 must approve; a second rejection rejects the level", as the form and the status say it. */
export function describeRule(level: Pick<Level, 'approvers' | 'mode' | 'required'>): string {
  const fixed = level.mode === 'sequential' || level.approvers.every((a) => a.kind === 'user');
  const of = fixed ? `${level.required} of ${level.approvers.length}` : `${level.required} of ${level.approvers.map(describeApprover).join(', ')}`;
  const limit = rejectionLimit(level);
  const rejects = limit === 1 ? 'any rejection rejects the level' : `the level is rejected at the ${ORDINALS[limit] ?? `${limit}th`} rejection (then ${level.required} approvals can no longer be reached)`;
  return `${of} must approve; ${rejects}`;
}

const ORDINALS: Record<number, string> = { 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', 6: 'sixth', 7: 'seventh', 8: 'eighth', 9: 'ninth', 10: 'tenth' };

/**
 * ApprovalProcessSpec → an ordinary Signalbox design: levels run one after the other as a state
 * machine (check the level's condition, open it, wait for enough approvals or a rejection with
 * the deadline as the wait's timeout), and one `decide` update whose validators enforce, inside
 * the workflow, who may decide. The app passes the caller's username and roles as `actor` and
 * `actorRoles` from the session; the validators are the last line of defence either way.
 *
 * A decision is bound to the task it was made on: the `level` it was shown at (levels open at
 * most once per request, in order, and escalation keeps the level's task — so the request and
 * the level identify the task). A decision for another level than the open one is refused, so a
 * double click or a slower approver can never decide the next level by arriving late.
 *
 * User text never becomes code here either: names reach expressions only as JSON string literals
 * (and are restricted by the spec's patterns), the design goes through compileDesign like any other.
 */
import 'server-only';
import { type Design, type DesignEdge, type DesignNode, type Variable, DESIGN_SCHEMA_VERSION, pascalCase, suggestIdentifier } from '@/codegen/design';
import { describeApprover, groupsNamedIn, rejectionLimit, type ApprovalProcessSpec, type Approver, type EscalationDeadlineAction, type Level } from './spec';

/** Names the app relies on: the update, its parameters and the status queries. */
export const APPROVAL_CONTRACT = {
  decideUpdate: 'decide',
  canDecideQuery: 'canDecide',
  statusQuery: 'status',
  levelQuery: 'currentLevel',
  approvalsQuery: 'approvedAtLevel',
  escalatedQuery: 'isEscalated',
  levelsApplyingQuery: 'levelsApplying',
  historyQueries: { levels: 'historyLevels', actors: 'historyActors', verdicts: 'historyVerdicts', comments: 'historyComments' },
  requesterField: 'requester',
  /** The decide update's and canDecide query's parameter naming the task (the level shown). */
  taskLevelParameter: 'level',
} as const;

/** The exact reasons a decision is refused, as the validators word them (the inbox shows them as they come). */
export const REFUSALS = {
  notPending: 'This request is no longer pending: it has already been decided',
  levelSettled: 'This approval level has just been decided; reload the task',
  selfApproval: 'You submitted this request: requesters may not approve their own requests',
  notEligible: "You are not an approver of this request's current level",
  alreadyDecided: 'You have already approved this request at this level',
  alreadyRejected: 'You have already rejected this request at this level',
  tooManyDecisions: 'This request has reached its limit of 200 decisions',
} as const;

/**
 * The open level is rejected: its approvals can no longer be reached (N of M, `rejectLimit` from
 * the spec's `rejectionLimit`), or who it was escalated to rejected it.
 */
const LEVEL_REJECTED = '(len(rejections) >= rejectLimit || escalationRejected)';

/** Bounds the history lists (a request has a handful of decisions; this stops a flood). */
const MAX_DECISIONS = 200;
const HISTORY_LISTS = ['decisionLevels', 'decisionActors', 'decisionVerdicts', 'decisionComments'] as const;

/** "Purchase request" → "PurchaseRequestApproval" (a valid, unreserved workflow type name). */
export function workflowTypeFor(processName: string): string {
  const base = pascalCase(suggestIdentifier(processName) ?? 'Process');
  return /Approval$/.test(base) ? base : `${base}Approval`;
}

const lit = (text: string): string => JSON.stringify(text);

/**
 * Whether the decide update and canDecide query take `actorGroups` (the caller's groups, read by
 * the app from lib/auth/groups.ts when listing or deciding): only when the spec names a group, so
 * the contract of every other process — and of its requests already running — stays as it was.
 */
export function usesGroups(spec: ApprovalProcessSpec): boolean {
  return groupsNamedIn(spec).length > 0;
}
const or = (parts: string[]): string => (parts.length === 1 ? parts[0]! : parts.map((p) => `(${p})`).join(' || '));

function matches(approver: Approver): string {
  if (approver.kind === 'group') return `contains(args.actorGroups, ${lit(approver.name)})`;
  return approver.kind === 'user' ? `args.actor == ${lit(approver.name)}` : `contains(args.actorRoles, ${lit(approver.name)})`;
}

/**
 * Whether the caller is who the level was escalated to: the first target once `escalated`, the
 * second once `escalatedAgain` (the first one keeps the right to decide); null without escalation.
 */
function escalationTargetAt(level: Level): string | null {
  const escalation = level.onDeadline?.action === 'escalate' ? level.onDeadline : null;
  if (!escalation) return null;
  const first = `escalated && ${matches(escalation.to)}`;
  return escalation.then?.action === 'escalate' ? or([first, `escalatedAgain && ${matches(escalation.then.to)}`]) : first;
}

/** Whether the caller may decide at level `index` (1-based), by the level's mode and escalation. */
function eligibleAt(level: Level): string {
  // Sequential: each position decides once, in order — a rejection (N of M) passes the turn on too.
  const base =
    level.mode === 'parallel'
      ? or(level.approvers.map(matches))
      : or(level.approvers.map((a, k) => `len(approvals) + len(rejections) == ${k} && ${matches(a)}`));
  const escalation = escalationTargetAt(level);
  return escalation ? `(${base}) || (${escalation})` : base;
}

function eligibility(spec: ApprovalProcessSpec): string {
  return or(spec.levels.map((level, i) => `level == ${i + 1} && (${eligibleAt(level)})`));
}

function escalationTargetMatches(spec: ApprovalProcessSpec): string | null {
  const parts = spec.levels.flatMap((level, i) => {
    const target = escalationTargetAt(level);
    return target ? [`level == ${i + 1} && (${target})`] : [];
  });
  return parts.length ? or(parts) : null;
}

function recordHistory(verdict: string, actor: string, comment: string): { variable: string; value: string }[] {
  return [
    { variable: 'decisionLevels', value: 'append(decisionLevels, level)' },
    { variable: 'decisionActors', value: `append(decisionActors, ${actor})` },
    { variable: 'decisionVerdicts', value: `append(decisionVerdicts, ${verdict})` },
    { variable: 'decisionComments', value: `append(decisionComments, ${comment})` },
  ];
}

/**
 * The first level that applies, as an initial value: a decision that arrives before the workflow
 * has run its first step (right after the request was submitted) already meets the right level.
 */
function firstLevel(spec: ApprovalProcessSpec, pick: (level: Level, n: number) => string, none: string): string {
  // Initial values see the input, not other variables: the levels' conditions are repeated here.
  return spec.levels.reduceRight(
    (otherwise, level, i) => (level.condition?.trim() ? `(${level.condition}) ? ${pick(level, i + 1)} : (${otherwise})` : pick(level, i + 1)),
    none,
  );
}

function variables(spec: ApprovalProcessSpec): Variable[] {
  const list = (name: string, items: 'string' | 'number', description: string): Variable => ({ name, type: 'list', items, initial: '[]', description });
  return [
    ...spec.levels.map((level, i): Variable => ({
      name: `appliesLevel${i + 1}`,
      type: 'boolean',
      initial: level.condition?.trim() ? level.condition : 'true',
      description: `Whether level ${i + 1} (${level.name}) applies to this request`,
    })),
    { name: 'outcome', type: 'string', initial: '"pending"', description: 'pending, approved or rejected' },
    { name: 'level', type: 'number', initial: firstLevel(spec, (_l, n) => String(n), '0'), description: 'The open level (1-based); 0 when none applies' },
    { name: 'required', type: 'number', initial: firstLevel(spec, (l) => String(l.required), '1'), description: 'Approvals the open level needs' },
    {
      name: 'rejectLimit',
      type: 'number',
      initial: firstLevel(spec, (l) => String(rejectionLimit(l)), '1'),
      description: 'Rejections that reject the open level: its approvals can no longer be reached',
    },
    list('approvals', 'string', 'Who approved at the open level'),
    list('rejections', 'string', 'Who rejected at the open level'),
    { name: 'escalated', type: 'boolean', initial: 'false', description: "The open level's deadline passed and it was escalated" },
    { name: 'escalatedAgain', type: 'boolean', initial: 'false', description: "The escalated task's own deadline passed and it was escalated further" },
    { name: 'escalationApproved', type: 'boolean', initial: 'false', description: 'An escalation target approved the open level' },
    { name: 'escalationRejected', type: 'boolean', initial: 'false', description: 'An escalation target rejected the open level' },
    list('decisionLevels', 'number', 'History: the level of each decision'),
    list('decisionActors', 'string', 'History: who decided (or "deadline")'),
    list('decisionVerdicts', 'string', 'History: approved, rejected, escalated, auto-approved or auto-rejected'),
    list('decisionComments', 'string', 'History: the comment of each decision'),
  ];
}

interface Builder {
  nodes: DesignNode[];
  edges: DesignEdge[];
  edge(source: string, target: string, sourceHandle?: string): void;
}

function builder(): Builder {
  const b: Builder = {
    nodes: [],
    edges: [],
    edge(source, target, sourceHandle) {
      b.edges.push({ id: `e${b.edges.length + 1}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) });
    },
  };
  return b;
}

const ROW = 130;

/** Adds level `i`'s nodes at row `row`; returns the id its predecessor links to. `next` is where it continues. */
function addLevel(b: Builder, spec: ApprovalProcessSpec, i: number, row: number, next: string): string {
  const level = spec.levels[i]!;
  const n = i + 1;
  const id = (suffix: string) => `level-${n}-${suffix}`;
  const at = (r: number, x = 0) => ({ x, y: (row + r) * ROW });
  const who = level.approvers.map(describeApprover).join(', ');
  b.nodes.push({
    id: id('open'),
    type: 'assign',
    label: `Open level ${n}: ${level.name}`,
    description: `${level.required} of ${who} (${level.mode}); rejected at ${rejectionLimit(level)} rejection${rejectionLimit(level) === 1 ? '' : 's'}`,
    // The first level is open from the start (decisions may arrive before this step runs):
    // keep what it already collected; a later level starts afresh. `level` is assigned last.
    assignments: [
      { variable: 'approvals', value: `level == ${n} ? approvals : []` },
      { variable: 'rejections', value: `level == ${n} ? rejections : []` },
      { variable: 'escalated', value: `level == ${n} && escalated` },
      { variable: 'escalatedAgain', value: `level == ${n} && escalatedAgain` },
      { variable: 'escalationApproved', value: `level == ${n} && escalationApproved` },
      { variable: 'escalationRejected', value: `level == ${n} && escalationRejected` },
      { variable: 'required', value: String(level.required) },
      { variable: 'rejectLimit', value: String(rejectionLimit(level)) },
      { variable: 'level', value: String(n) },
    ],
    position: at(1),
  });
  let previous = id('open');
  // Users, roles and groups (`group finance-managers`: its members when they read, lib/notifications/store.ts).
  const notified = level.approvers.map(describeApprover).join(', ');
  if (spec.notify && notified) {
    b.nodes.push({
      id: id('notify'),
      type: 'activity',
      label: `Notify ${level.name}`,
      activity: 'notify',
      args: {
        recipient: lit(notified),
        message: `${lit(`${spec.name}: approval needed (${level.name}) for a request by `)} + input.requester`,
      },
      position: at(1.5, -300),
    });
    b.edge(previous, id('notify'));
    previous = id('notify');
  }
  const settled = `${LEVEL_REJECTED} || len(approvals) >= required || escalationApproved`;
  b.nodes.push({
    id: id('wait'),
    type: 'wait',
    label: `Wait for ${level.name}`,
    condition: settled,
    ...(level.deadline ? { timeout: level.deadline } : {}),
    position: at(2),
  });
  b.edge(previous, id('wait'));
  b.edge(id('wait'), id('verdict'), 'met');
  b.nodes.push({
    id: id('verdict'),
    type: 'decision',
    label: `${level.name} rejected?`,
    branches: [{ id: 'rejected', label: 'Rejected', condition: LEVEL_REJECTED }],
    position: at(3),
  });
  b.edge(id('verdict'), 'finish-rejected', 'rejected');
  b.edge(id('verdict'), next, 'else');
  const action = level.onDeadline;
  if (action) {
    const deadlineEntry = (verdict: string, comment: string) => recordHistory(lit(verdict), '"deadline"', lit(comment));
    if (action.action === 'escalate') {
      b.nodes.push({
        id: id('escalate'),
        type: 'assign',
        label: `Escalate to ${describeApprover(action.to)}`,
        assignments: [{ variable: 'escalated', value: 'true' }, ...deadlineEntry('escalated', `escalated to ${describeApprover(action.to)}`)],
        position: at(2, 300),
      });
      b.nodes.push({
        id: id('wait-escalated'),
        type: 'wait',
        label: `Wait for ${describeApprover(action.to)}`,
        condition: settled,
        ...(action.deadline && action.then ? { timeout: action.deadline } : {}),
        position: at(2.5, 300),
      });
      b.edge(id('wait'), id('escalate'), 'timeout');
      b.edge(id('escalate'), id('wait-escalated'));
      b.edge(id('wait-escalated'), id('verdict'), 'met');
      if (action.deadline && action.then) addEscalationDeadline(b, id, at, action.then, settled, next, deadlineEntry);
    } else if (action.action === 'approve') {
      b.nodes.push({
        id: id('auto-approve'),
        type: 'assign',
        label: 'Approve automatically',
        assignments: deadlineEntry('auto-approved', 'no decision by the deadline'),
        position: at(2, 300),
      });
      b.edge(id('wait'), id('auto-approve'), 'timeout');
      b.edge(id('auto-approve'), next);
    } else {
      b.nodes.push({
        id: id('auto-reject'),
        type: 'assign',
        label: 'Reject automatically',
        assignments: deadlineEntry('auto-rejected', 'no decision by the deadline'),
        position: at(2, 300),
      });
      b.edge(id('wait'), id('auto-reject'), 'timeout');
      b.edge(id('auto-reject'), 'finish-rejected');
    }
  }
  if (!level.condition?.trim()) return id('open');
  b.nodes.push({
    id: id('check'),
    type: 'decision',
    label: `${level.name} needed?`,
    branches: [{ id: 'applies', label: 'Applies', condition: `appliesLevel${n}` }],
    position: at(0),
  });
  b.edge(id('check'), id('open'), 'applies');
  b.edge(id('check'), next, 'else');
  return id('check');
}

/** The escalated task's own deadline: decide automatically, or escalate once more and wait (no further deadline). */
function addEscalationDeadline(
  b: Builder,
  id: (suffix: string) => string,
  at: (r: number, x?: number) => { x: number; y: number },
  then: EscalationDeadlineAction,
  settled: string,
  next: string,
  deadlineEntry: (verdict: string, comment: string) => { variable: string; value: string }[],
): void {
  const noDecision = 'no decision by the escalated deadline';
  if (then.action === 'escalate') {
    b.nodes.push({
      id: id('escalate-again'),
      type: 'assign',
      label: `Escalate further to ${describeApprover(then.to)}`,
      assignments: [{ variable: 'escalatedAgain', value: 'true' }, ...deadlineEntry('escalated', `escalated further to ${describeApprover(then.to)}`)],
      position: at(2.5, 600),
    });
    b.nodes.push({ id: id('wait-escalated-again'), type: 'wait', label: `Wait for ${describeApprover(then.to)}`, condition: settled, position: at(3, 600) });
    b.edge(id('wait-escalated'), id('escalate-again'), 'timeout');
    b.edge(id('escalate-again'), id('wait-escalated-again'));
    b.edge(id('wait-escalated-again'), id('verdict'), 'met');
  } else if (then.action === 'approve') {
    b.nodes.push({ id: id('escalated-auto-approve'), type: 'assign', label: 'Approve automatically', assignments: deadlineEntry('auto-approved', noDecision), position: at(2.5, 600) });
    b.edge(id('wait-escalated'), id('escalated-auto-approve'), 'timeout');
    b.edge(id('escalated-auto-approve'), next);
  } else {
    b.nodes.push({ id: id('escalated-auto-reject'), type: 'assign', label: 'Reject automatically', assignments: deadlineEntry('auto-rejected', noDecision), position: at(2.5, 600) });
    b.edge(id('wait-escalated'), id('escalated-auto-reject'), 'timeout');
    b.edge(id('escalated-auto-reject'), 'finish-rejected');
  }
}

function handlers(spec: ApprovalProcessSpec, top: number): DesignNode[] {
  const stillOpen = [
    { condition: 'outcome == "pending"', message: REFUSALS.notPending },
    // The task the approver was shown: a level decided meanwhile (or not open yet) is not theirs to decide.
    { condition: `args.${APPROVAL_CONTRACT.taskLevelParameter} == level`, message: REFUSALS.levelSettled },
    { condition: `!(${LEVEL_REJECTED}) && len(approvals) < required && !escalationApproved`, message: REFUSALS.levelSettled },
  ];
  const validators = [
    ...stillOpen,
    ...(spec.allowSelfApproval ? [] : [{ condition: `args.actor != input.${APPROVAL_CONTRACT.requesterField}`, message: REFUSALS.selfApproval }]),
    { condition: eligibility(spec), message: REFUSALS.notEligible },
    { condition: '!contains(approvals, args.actor)', message: REFUSALS.alreadyDecided },
    // A rejection no longer always ends the level (N of M): whoever rejected may not decide again.
    { condition: '!contains(rejections, args.actor)', message: REFUSALS.alreadyRejected },
    {
      condition: HISTORY_LISTS.map((list) => `len(${list}) < ${MAX_DECISIONS}`).join(' && '),
      message: REFUSALS.tooManyDecisions,
    },
  ];
  const escalationTarget = escalationTargetMatches(spec);
  const at = (r: number) => ({ x: 700, y: (top + r) * ROW });
  const actorParameters = [
    { name: 'actor', type: 'string' as const, label: 'Username (set by the app from the session)', required: true },
    { name: 'actorRoles', type: 'list' as const, items: 'string' as const, label: 'Roles (set by the app from the session)', required: true },
    // Only a process that names a group takes the caller's groups: every other one keeps its contract (usesGroups).
    ...(usesGroups(spec) ? [{ name: 'actorGroups', type: 'list' as const, items: 'string' as const, label: 'Groups (read by the app when deciding)', required: true }] : []),
    { name: APPROVAL_CONTRACT.taskLevelParameter, type: 'number' as const, label: 'The level (1-based) of the task the approver was shown', required: true },
  ];
  const query = (id: string, name: string, label: string, returns: string, r: number): DesignNode => ({ id, type: 'query', label, name, parameters: [], returns, position: at(r) });
  const q = APPROVAL_CONTRACT;
  return [
    {
      id: 'decide',
      type: 'update',
      label: 'Approve or reject',
      description: 'Refused by the validators unless the caller may decide at the open level',
      name: q.decideUpdate,
      parameters: [
        ...actorParameters,
        { name: 'approve', type: 'boolean', required: true },
        { name: 'comment', type: 'string', required: true },
      ],
      validators,
      checks: stillOpen,
      assignments: [
        { variable: 'approvals', value: 'args.approve ? append(approvals, args.actor) : approvals' },
        { variable: 'rejections', value: 'args.approve ? rejections : append(rejections, args.actor)' },
        ...(escalationTarget
          ? [
              // Who the level was escalated to decides it alone, either way.
              { variable: 'escalationApproved', value: `escalationApproved || (args.approve && (${escalationTarget}))` },
              { variable: 'escalationRejected', value: `escalationRejected || (!args.approve && (${escalationTarget}))` },
            ]
          : []),
        ...recordHistory('args.approve ? "approved" : "rejected"', 'args.actor', 'args.comment'),
      ],
      returns: 'args.approve ? "approved" : "rejected"',
      position: at(0),
    },
    {
      id: 'can-decide',
      type: 'query',
      label: 'May this user decide now?',
      name: q.canDecideQuery,
      parameters: actorParameters,
      returns: validators.map((v) => `(${v.condition})`).join(' && '),
      position: at(1),
    },
    query('q-status', q.statusQuery, 'Outcome', 'outcome', 2),
    query('q-level', q.levelQuery, 'Open level', 'level', 3),
    query('q-approvals', q.approvalsQuery, 'Approved at the open level', 'approvals', 4),
    query('q-escalated', q.escalatedQuery, 'Escalated?', 'escalated', 5),
    query(
      'q-levels',
      q.levelsApplyingQuery,
      'Levels that apply',
      spec.levels.reduce((list, _level, i) => `append(${list}, appliesLevel${i + 1})`, '[]'),
      6,
    ),
    query('q-history-levels', q.historyQueries.levels, 'History: levels', 'decisionLevels', 7),
    query('q-history-actors', q.historyQueries.actors, 'History: who', 'decisionActors', 8),
    query('q-history-verdicts', q.historyQueries.verdicts, 'History: what', 'decisionVerdicts', 9),
    query('q-history-comments', q.historyQueries.comments, 'History: comments', 'decisionComments', 10),
  ];
}

/** The design for a process: editable on the canvas afterwards like any other. */
export function generateApprovalDesign(spec: ApprovalProcessSpec): Design {
  const b = builder();
  b.nodes.push({ id: 'start', type: 'start', label: 'Request submitted', position: { x: 0, y: 0 } });
  // Built back to front so that each level knows where it continues.
  const rowsPerLevel = 4;
  let next = 'finish-approved';
  for (let i = spec.levels.length - 1; i >= 0; i--) next = addLevel(b, spec, i, i * rowsPerLevel, next);
  b.edge('start', next);
  const bottom = spec.levels.length * rowsPerLevel;
  b.nodes.push(
    { id: 'finish-approved', type: 'assign', label: 'Approved', assignments: [{ variable: 'outcome', value: '"approved"' }], position: { x: 0, y: (bottom + 1) * ROW } },
    { id: 'end-approved', type: 'end', label: 'Approved', outcome: 'complete', result: '"approved"', position: { x: 0, y: (bottom + 2) * ROW } },
    { id: 'finish-rejected', type: 'assign', label: 'Rejected', assignments: [{ variable: 'outcome', value: '"rejected"' }], position: { x: 350, y: (bottom + 1) * ROW } },
    { id: 'end-rejected', type: 'end', label: 'Rejected', outcome: 'complete', result: '"rejected"', position: { x: 350, y: (bottom + 2) * ROW } },
  );
  if (spec.notify) {
    // The requester hears the outcome (each level's approvers heard when their level opened).
    for (const [verdict, x] of [['approved', 0], ['rejected', 350]] as const) {
      b.nodes.push({
        id: `notify-${verdict}`,
        type: 'activity',
        label: `Tell the requester: ${verdict}`,
        activity: 'notify',
        args: { recipient: `input.${APPROVAL_CONTRACT.requesterField}`, message: lit(`${spec.name}: your request was ${verdict}`) },
        position: { x: x - 300, y: (bottom + 1.5) * ROW },
      });
      b.edge(`finish-${verdict}`, `notify-${verdict}`);
      b.edge(`notify-${verdict}`, `end-${verdict}`);
    }
  } else {
    b.edge('finish-approved', 'end-approved');
    b.edge('finish-rejected', 'end-rejected');
  }
  b.nodes.push(...handlers(spec, 0));
  // Which waits a decision can satisfy (the canvas draws these).
  const waits = new Set(b.nodes.filter((n) => n.type === 'wait').map((n) => n.id));
  for (const wait of waits) b.edge('decide', wait);
  return {
    schemaVersion: DESIGN_SCHEMA_VERSION,
    name: workflowTypeFor(spec.name),
    description: `Approval process "${spec.name}"${spec.description ? `: ${spec.description}` : ''} (generated from the approval form).`,
    input: [
      // The design language has no date type: a date travels as ISO text, checked at the door (lib/approvals/request-dates.ts).
      ...spec.fields.map((f) => ({ name: f.name, type: f.type === 'date' ? ('string' as const) : f.type, ...(f.label ? { label: f.label } : {}), required: f.required })),
      { name: APPROVAL_CONTRACT.requesterField, type: 'string' as const, label: 'Requester (set by the app)', required: true },
    ],
    resultType: 'string',
    variables: variables(spec),
    nodes: b.nodes,
    edges: b.edges,
  };
}

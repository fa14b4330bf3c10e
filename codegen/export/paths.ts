/**
 * The paths of a design the exported test covers, read from the IR: the timeout branch of every
 * wait with a timeout, every branch of every decision (its "otherwise" too) and every rule of every
 * update validator. Each path is proven by a step the execution's recorded path (step-tracking.ts)
 * shows right after the wait or decision; the exported path explorer (templates/export/
 * path-explorer.ts.hbs) finds a run through it from the catalog of inputs and messages built here.
 */
import type { IrStatement, IrUpdate, WorkflowIr } from '../ir/types';

export interface BranchPath {
  title: string;
  /** The wait or decision step, and the step right after it on this path, as string literals. */
  fromLiteral: string;
  toLiteral: string;
  /** How a run through the path ends, when the branch goes straight to an end. */
  outcome: 'completed' | 'failed' | null;
  /** A function computing the End's result from the run's input and final state, when the result expression allows. */
  expectedResultCode: string | null;
}

export interface RejectionPath {
  title: string;
  updateLiteral: string;
  /** The rule's message as a literal, or null when it is computed (then any other message of that update's rules is not it). */
  messageLiteral: string | null;
  otherMessagesLiteral: string;
}

type Cases = Map<string, IrStatement[]>;

export function branchPaths(ir: WorkflowIr): BranchPath[] {
  const cases: Cases = new Map();
  const labels = new Map<string, string>();
  collect(ir.body, cases, labels);
  const label = (stepLiteral: string) => labels.get(stepLiteral) ?? JSON.parse(stepLiteral);
  const paths: BranchPath[] = [];
  const visit = (body: IrStatement[], current: string | null): void => {
    for (const statement of body) {
      if (statement.kind === 'enterStep') current = statement.nodeIdLiteral;
      else if (statement.kind === 'wait') {
        const to = firstStep(statement.onTimeout);
        if (statement.timeoutLiteral && current && to) {
          paths.push(branch(ir, cases, `"${label(current)}" times out (${JSON.parse(statement.timeoutLiteral)}) → "${label(to)}"`, current, to, statement.onTimeout));
        }
        visit(statement.onMet, current);
        visit(statement.onTimeout, current);
      } else if (statement.kind === 'decision') {
        for (const [index, option] of statement.branches.entries()) {
          const to = firstStep(option.body);
          const name = option.label ?? `branch ${index + 1}`;
          if (current && to) paths.push(branch(ir, cases, `"${label(current)}" takes "${name}" → "${label(to)}"`, current, to, option.body));
          visit(option.body, current);
        }
        const to = firstStep(statement.elseBody);
        if (current && to) paths.push(branch(ir, cases, `"${label(current)}" takes "otherwise" → "${label(to)}"`, current, to, statement.elseBody));
        visit(statement.elseBody, current);
      } else if (statement.kind === 'stateMachine') {
        for (const c of statement.cases) visit(c.body, null);
      } else if ((statement.kind === 'activity' || statement.kind === 'childWorkflow') && statement.onFailure) {
        visit(statement.onFailure.body, current);
      }
    }
  };
  visit(ir.body, null);
  return paths;
}

export function rejectionPaths(ir: WorkflowIr): RejectionPath[] {
  const updates = ir.handlers.filter((h): h is IrUpdate => h.kind === 'update');
  return updates.flatMap((update) => {
    const literals = update.validators.map((rule) => stringLiteral(rule.messageCode));
    return update.validators.map((rule, index) => ({
      title: `update "${update.messageName}" is rejected: ${literals[index] ? JSON.parse(literals[index]!) : `rule ${index + 1}`}`,
      updateLiteral: JSON.stringify(update.messageName),
      messageLiteral: literals[index],
      otherMessagesLiteral: JSON.stringify(literals.filter((l, i) => l && i !== index).map((l) => JSON.parse(l!))),
    }));
  });
}

function collect(body: IrStatement[], cases: Cases, labels: Map<string, string>): void {
  for (const s of body) {
    if (s.kind === 'enterStep' && s.labelLiteral) labels.set(s.nodeIdLiteral, JSON.parse(s.labelLiteral));
    for (const child of children(s)) collect(child, cases, labels);
    if (s.kind === 'stateMachine') for (const c of s.cases) cases.set(c.stepLiteral, c.body);
  }
}

function children(s: IrStatement): IrStatement[][] {
  switch (s.kind) {
    case 'wait':
      return [s.onMet, s.onTimeout];
    case 'decision':
      return [...s.branches.map((b) => b.body), s.elseBody];
    case 'stateMachine':
      return s.cases.map((c) => c.body);
    case 'activity':
    case 'childWorkflow':
      return s.onFailure ? [s.onFailure.body] : [];
    default:
      return [];
  }
}

/** The step a body enters first: its own tracking line, or the state machine's next case. */
function firstStep(body: IrStatement[]): string | null {
  const first = body[0];
  if (first?.kind === 'enterStep') return first.nodeIdLiteral;
  if (first?.kind === 'goto') return first.stepLiteral;
  return null;
}

function branch(ir: WorkflowIr, cases: Cases, title: string, from: string, to: string, body: IrStatement[]): BranchPath {
  const end = straightEnd(body, cases, 0);
  return {
    title,
    fromLiteral: from,
    toLiteral: to,
    outcome: end?.kind === 'complete' ? 'completed' : end?.kind === 'fail' ? 'failed' : null,
    expectedResultCode: end?.kind === 'complete' ? expectedResult(ir, end.resultCode) : null,
  };
}

/** The end a body reaches without waiting or deciding (through the state machine's cases), if any. */
function straightEnd(body: IrStatement[], cases: Cases, depth: number): Extract<IrStatement, { kind: 'complete' | 'fail' }> | null {
  if (depth > 20) return null;
  for (const s of body) {
    if (s.kind === 'complete' || s.kind === 'fail') return s;
    if (s.kind === 'goto') return straightEnd(cases.get(s.stepLiteral) ?? [], cases, depth + 1);
    if (s.kind === 'enterStep' || s.kind === 'assign') continue;
    return null;
  }
  return null;
}

const SAFE_GLOBALS = new Set(['String', 'Number', 'Math', 'JSON', 'true', 'false', 'null', 'undefined', 'input']);
const PRIMITIVE = new Set(['string', 'number', 'boolean']);

/**
 * `(input, state) => <the End's result expression>` when the expression reads only the input and
 * the workflow's state (then the test recomputes what the run should have returned); else null.
 */
function expectedResult(ir: WorkflowIr, resultCode: string): string | null {
  // A template literal's `${…}` parts are code too: not worth parsing here.
  if (!PRIMITIVE.has(ir.resultTsType) || ir.inputFields || resultCode.includes('`')) return null;
  const variables = new Map(ir.variables.map((v) => [v.name, v]));
  const names = identifiers(resultCode);
  const used = names.filter((name) => variables.has(name));
  if (names.some((name) => !variables.has(name) && !SAFE_GLOBALS.has(name))) return null;
  if (names.includes('input') && !ir.input) return null;
  if (used.some((name) => variables.get(name)!.tsType === 'Money' || !PRIMITIVE.has(variables.get(name)!.tsType))) return null;
  const inputParam = names.includes('input') ? `input: ${ir.input!.name}` : '_input: unknown';
  const stateParam = used.length > 0 ? 'state: Record<string, unknown>' : '_state: Record<string, unknown>';
  const reads = used.map((name) => `const ${name} = state[${JSON.stringify(name)}] as ${variables.get(name)!.tsType};`).join(' ');
  return `(${inputParam}, ${stateParam}): ${ir.resultTsType} => { ${reads} return ${resultCode}; }`;
}

/** The free identifiers of an expression's code: string literals and property names left out. */
function identifiers(code: string): string[] {
  const withoutStrings = code.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, '""');
  return [...new Set([...withoutStrings.matchAll(/(?<![.\w$])[A-Za-z_$][\w$]*/g)].map((m) => m[0]))];
}

function stringLiteral(code: string): string | null {
  const trimmed = code.trim();
  if (!/^(['"]).*\1$/s.test(trimmed)) return null;
  try {
    return JSON.stringify(trimmed.startsWith("'") ? trimmed.slice(1, -1).replace(/\\'/g, "'") : JSON.parse(trimmed));
  } catch {
    return null;
  }
}

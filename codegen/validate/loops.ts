import type { Diagnostic } from '../diagnostics';
import { referencedNames, type Expr } from '../expressions';
import { childrenOf } from '../expressions/ast';
import type { Design, FlowNode } from '../schema/design';
import { recordsStep } from '../step-recording';
import { describeNode } from './describe';
import { expressionKey, type CompiledExpressions } from './expressions';
import type { FlowGraph } from './graph';

/**
 * A loop that can grow the history without bound (6.5.5, 6.1.8: "Event History Limit (50,000
 * Events)"): a cycle of the flow through a step that waits (a Wait, an Activity, a Timer, a
 * child it waits for) adds events every round. It is fine when the cycle can continue as new
 * (a Continue-as-new is reachable from it, or a condition on it reads historyLength() /
 * continueAsNewSuggested()), or when a counter bounds it (a Decision on the cycle compares a
 * number variable that a step on the cycle changes from itself, e.g. `rounds < 3` with
 * `rounds = rounds + 1`). Otherwise: a warning on the cycle's Decision (its branches are where the
 * fix goes), or on its first waiting step when the cycle has no way out at all.
 */
export function checkLoops(design: Design, graph: FlowGraph, compiled: CompiledExpressions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const numberVariables = new Set(design.variables.filter((v) => v.type === 'number').map((v) => v.name));
  const expressionsOf = (id: string): Expr[] =>
    [...compiled].filter(([key]) => key.startsWith(`${id}:`)).map(([, expression]) => expression.ast);
  for (const cycle of cyclesOf(graph)) {
    // In the design's order, so that the warning lands on the same node every time.
    const nodes = design.nodes.filter((n): n is FlowNode => cycle.has(n.id));
    const waiting = nodes.filter((n) => recordsStep(n));
    if (waiting.length === 0) continue;
    if (reachesContinueAsNew(graph, cycle)) continue;
    if (nodes.some((n) => expressionsOf(n.id).some(readsHistory))) continue;
    const counters = countersOn(nodes, numberVariables, compiled);
    const decisions = nodes.filter((n): n is Extract<FlowNode, { type: 'decision' }> => n.type === 'decision');
    const bounded = decisions.some((d) => d.branches.some((_, i) => comparesCounter(compiled.get(expressionKey(d.id, `branches.${i}.condition`))?.ast, counters)));
    if (bounded) continue;
    const through = waiting.map((n) => describeNode(n)).join(', ');
    const fix = 'add a branch that continues as new when continueAsNewSuggested() (or historyLength() passes a limit), or bound the loop with a counter';
    const at = decisions[0] ?? waiting[0];
    diagnostics.push({
      severity: 'warning',
      code: 'loop.unbounded-history',
      message: `${describeNode(at)} is on a loop through ${through} that never continues as new: every round adds events to the history until the run fails at Temporal's limit; ${fix}`,
      nodeId: at.id,
      field: at.type === 'decision' ? 'branches' : waitingField(at),
    });
  }
  return diagnostics;
}

/** The strongly connected parts of the reachable flow that loop (Tarjan), in the design's order. */
function cyclesOf(graph: FlowGraph): Set<string>[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: Set<string>[] = [];
  let counter = 0;
  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const next of graph.successors.get(id)?.values() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(id, Math.min(low.get(id)!, index.get(next)!));
    }
    if (low.get(id) !== index.get(id)) return;
    const part = new Set<string>();
    for (;;) {
      const member = stack.pop()!;
      onStack.delete(member);
      part.add(member);
      if (member === id) break;
    }
    const selfLoop = [...(graph.successors.get(id)?.values() ?? [])].includes(id);
    if (part.size > 1 || selfLoop) cycles.push(part);
  };
  for (const id of graph.reachable) if (!index.has(id)) visit(id);
  return cycles;
}

function reachesContinueAsNew(graph: FlowGraph, cycle: Set<string>): boolean {
  const seen = new Set<string>();
  const queue = [...cycle];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (graph.nodes.get(id)?.type === 'continueAsNew') return true;
    queue.push(...(graph.successors.get(id)?.values() ?? []));
  }
  return false;
}

function readsHistory(e: Expr): boolean {
  if (e.kind === 'call' && (e.callee === 'historyLength' || e.callee === 'continueAsNewSuggested')) return true;
  return childrenOf(e).some(readsHistory);
}

/** Number variables an Assign on the cycle changes from their own value (`n = n + 1`). */
function countersOn(nodes: FlowNode[], numberVariables: ReadonlySet<string>, compiled: CompiledExpressions): Set<string> {
  const counters = new Set<string>();
  for (const node of nodes) {
    if (node.type !== 'assign') continue;
    node.assignments.forEach((a, i) => {
      const value = compiled.get(expressionKey(node.id, `assignments.${i}.value`));
      if (numberVariables.has(a.variable) && value && referencedNames(value.ast).has(a.variable)) counters.add(a.variable);
    });
  }
  return counters;
}

const ORDERING = new Set(['<', '<=', '>', '>=']);

function comparesCounter(e: Expr | undefined, counters: ReadonlySet<string>): boolean {
  if (!e) return false;
  if (e.kind === 'binary' && ORDERING.has(e.op) && [e.left, e.right].some((side) => [...referencedNames(side)].some((n) => counters.has(n)))) return true;
  return childrenOf(e).some((child) => comparesCounter(child, counters));
}

/** The field a warning on a waiting step points at: what makes it wait. */
function waitingField(node: FlowNode): string {
  switch (node.type) {
    case 'wait':
      return 'condition';
    case 'timer':
      return 'duration';
    case 'childWorkflow':
      return 'design';
    default:
      return 'activity';
  }
}

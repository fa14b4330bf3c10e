import type { FlowNode } from '../schema/design';
import { referencedNames } from '../expressions';
import { recordsStep } from '../step-recording';
import { stepOf } from '../steps';
import { FAILURE_NAME, FAILURE_OUTPUT } from '../steps/failure';
import type { LowerContext } from '../steps/types';
import { joinedNodes, type ValidatedDesign } from '../validate';
import { catchesFailure } from '../validate/failure-paths';
import { targetArguments } from '../validate/target-arguments';
import type { IrFailurePath, IrStatement } from './types';

/** What every step's lowering may use besides its own node (see LowerContext). */
export type SharedLowering = Pick<LowerContext, 'assignments' | 'callee' | 'specOf'> & {
  code(owner: string, field: string): string;
};

export interface LoweredFlow {
  body: IrStatement[];
  /** The @temporalio/workflow functions the lowered steps call. */
  workflowImports: Set<string>;
  /** Whether a lowered step reads the workflow's input outside its expressions (a Continue-as-new). */
  readsInput: boolean;
  /** Whether the state machine keeps the last handled failure in a variable (`let failure`). */
  failureVariable: boolean;
  /** Whether some failure path reads `failure` (then workflows.ts declares failureOf). */
  usesFailureOf: boolean;
}

/**
 * The main flow, from Start: nested, structured code when the flow is a tree, else (joins,
 * loops) a state machine with one `case` per step. What each step becomes is its kind's
 * `lower` (codegen/steps); this only decides how steps follow one another.
 */
export function lowerFlow(validated: ValidatedDesign, shared: SharedLowering): LoweredFlow {
  const { design, graph } = validated;
  const asStateMachine = joinedNodes(graph).length > 0;
  let readsInput = false;
  const workflowImports = new Set<string>();
  // Each expression's names are walked once: asked per step, this was steps × expressions walks
  // (~45 ms of every recompile of a 1,000-node design).
  // `failure` is in scope only behind a failure output: without one, no expression can read it.
  const catching = [...graph.nodes.values()].some(catchesFailure);
  const failureReaders = catching
    ? [...validated.expressions].filter(([, compiled]) => referencedNames(compiled.ast).has(FAILURE_NAME)).map(([key]) => key)
    : [];
  const readsFailure = (id: string): boolean => failureReaders.some((key) => key.startsWith(`${id}:`));
  // In the state machine the path's steps are other cases: they read the failure from one variable.
  const failureVariable = asStateMachine && [...graph.reachable].some(readsFailure);
  let usesFailureOf = failureVariable;
  const successor = (id: string, output: string): string => {
    const target = graph.successors.get(id)?.get(output);
    if (!target) throw new Error(`internal: ${id} has no ${output} edge`);
    return target;
  };
  const lowerFrom = (id: string): IrStatement[] => {
    const node = graph.nodes.get(id);
    if (!node) throw new Error(`internal: flow node ${id} missing`);
    const step = stepOf(node);
    for (const name of step.workflowImports?.(node) ?? []) workflowImports.add(name);
    if (step.readsInput?.(node)) readsInput = true;
    return step.lower(node, stepContext(node));
  };
  const stepContext = (node: FlowNode): LowerContext => {
    const next = (output: string): IrStatement[] => {
      const target = successor(node.id, output);
      return asStateMachine ? [{ kind: 'goto', stepLiteral: JSON.stringify(target) }] : lowerFrom(target);
    };
    return {
      ...shared,
      design,
      code: (field) => shared.code(node.id, field),
      taskQueueOf: (name) => (name === design.name ? undefined : validated.designs?.[name]?.taskQueue),
      targetArguments: (caller) => targetArguments(caller, design, validated.designs),
      next,
      failurePath(failureClass): IrFailurePath {
        let bindingCode: IrFailurePath['bindingCode'] = null;
        if (asStateMachine) bindingCode = failureVariable ? 'failure' : null;
        else if (failurePathReads(graph, successor(node.id, FAILURE_OUTPUT), readsFailure)) bindingCode = 'const failure';
        if (bindingCode) usesFailureOf = true;
        return { failureClass, bindingCode, body: next(FAILURE_OUTPUT) };
      },
      // One tracking line per step, the same in nested code and in a state machine's case. Only a step
      // an execution can sit in is recorded in visibility: recording instant steps would only add history.
      // The label is the tracking line's second argument, so the comment above it is the description.
      enter: {
        kind: 'enterStep',
        nodeIdLiteral: JSON.stringify(node.id),
        labelLiteral: node.label?.trim() ? JSON.stringify(node.label.trim()) : undefined,
        comment: node.description?.trim() || undefined,
        waiting: recordsStep(node),
      },
    };
  };

  const body: IrStatement[] = asStateMachine
    ? [
        {
          kind: 'stateMachine',
          initialLiteral: JSON.stringify(successor(graph.startId, 'next')),
          cases: [...graph.reachable]
            .filter((id) => id !== graph.startId)
            .map((id) => ({ stepLiteral: JSON.stringify(id), body: lowerFrom(id) })),
        },
      ]
    : lowerFrom(graph.startId);
  return { body, workflowImports, readsInput, failureVariable, usesFailureOf };
}

/**
 * Whether a step of the nested code after a failure output reads `failure` (then the catch keeps
 * it in a const). A step behind another catching step's own failure output reads that one's.
 */
function failurePathReads(graph: ValidatedDesign['graph'], from: string, readsFailure: (id: string) => boolean): boolean {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (readsFailure(id)) return true;
    const node = graph.nodes.get(id);
    for (const [output, target] of graph.successors.get(id) ?? []) {
      if (!(node && catchesFailure(node) && output === FAILURE_OUTPUT)) queue.push(target);
    }
  }
  return false;
}

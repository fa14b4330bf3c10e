import type { FlowNode } from '../schema/design';
import { recordsStep } from '../step-recording';
import { stepOf } from '../steps';
import type { LowerContext } from '../steps/types';
import { joinedNodes, type ValidatedDesign } from '../validate';
import type { IrStatement } from './types';

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
  const stepContext = (node: FlowNode): LowerContext => ({
    ...shared,
    design,
    code: (field) => shared.code(node.id, field),
    taskQueueOf: (name) => (name === design.name ? undefined : validated.designs?.[name]?.taskQueue),
    next(output) {
      const target = successor(node.id, output);
      return asStateMachine ? [{ kind: 'goto', stepLiteral: JSON.stringify(target) }] : lowerFrom(target);
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
  });

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
  return { body, workflowImports, readsInput };
}

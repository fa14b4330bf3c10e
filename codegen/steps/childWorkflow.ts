import { z } from 'zod';
import { formatType } from '../expressions';
import { positionalArguments, typedObject } from '../ir/code';
import type { IrStatement } from '../ir/types';
import { describeNode } from '../validate/describe';
import { nodeBase, ResultTypeSchema, TypedArgumentSchema } from '../schema/parts';
import type { NodeOfType } from '../schema/design';
import { failureImports, onFailureField, outputsWithFailure } from './failure';
import type { LowerContext, StepDefinition } from './types';

/**
 * The fields of a Child workflow node; `input` is the child's input object, field by field (to a design
 * whose input is separate arguments, those arguments, sent in its order).
 * The child is named one of two ways. Now: `design`, another design's name (= its workflow type),
 * started on that design's stable task queue as the deploy resolves it (compileDesign's `designs`).
 * Before: `workflowType` and a hand-typed `taskQueue` expression — a node without `design` (every
 * design saved before) still parses and compiles exactly as it did, from those two.
 */
export const childWorkflowNode = z.object({
  ...nodeBase,
  type: z.literal('childWorkflow'),
  /** The design the child runs, by name; this design's own name starts a child of itself. */
  design: z.string().optional(),
  /** Read when `design` is absent: the child's workflow type. */
  workflowType: z.string().optional(),
  /** An expression for the child's workflow id, e.g. `workflowId() + "-worker-" + str(i)`. */
  workflowId: z.string(),
  /** Read when `design` is absent: an expression for the task queue; empty: this run's own queue. */
  taskQueue: z.string().optional(),
  input: z.array(TypedArgumentSchema),
  waitForResult: z.boolean(),
  resultType: ResultTypeSchema.optional(),
  resultVariable: z.string().optional(),
  ...onFailureField,
});

/**
 * Child workflow: runs another design (or this one) as a child; with `waitForResult` the flow
 * continues when it completes, its result in `resultVariable`, otherwise once it started (parent
 * close policy ABANDON). With `onFailure` (waiting only), a child that fails continues through
 * "failure" (codegen/steps/failure.ts) instead of failing this run. Fields: `childWorkflowNode` above (codegen/schema/design.ts unites every kind's into NodeSchema). Template: partials/step-childWorkflow.hbs.
 * UI: components/steps/childWorkflow.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const childWorkflow: StepDefinition<'childWorkflow'> = {
  kind: 'childWorkflow',
  title: 'Child workflow',
  schema: childWorkflowNode,
  outputs: outputsWithFailure,
  defaultOutput: 'next',
  describeOutput: (_node, output) => (output === 'next' ? '"next"' : '"on failure"'),
  workflowImports: (node) => [node.waitForResult ? 'executeChild' : 'startChild', ...failureImports(node, 'ChildWorkflowFailure')],
  spellsMoney: (node) => node.input.some((a) => a.type === 'money'),
  recordsStep: (node) => node.waitForResult,
  writes: (node) => (node.resultVariable ? [node.resultVariable] : []),
  validate: {
    names(node, check) {
      if (node.design === '') check.error('child.no-design', `${describeNode(node)} names no design; choose the design it runs`, 'design');
      else if (node.design !== undefined) check.targetName('design', 'design', node.design);
      else check.targetName('workflowType', 'workflow type', node.workflowType ?? '');
      check.fieldList(node.input, 'input');
    },
    expressions(node, check) {
      check.compile('workflowId', 'workflow id', node.workflowId, 'string');
      if (node.design === undefined && node.taskQueue?.trim()) check.compile('taskQueue', 'task queue', node.taskQueue, 'string');
      node.input.forEach((arg, i) => check.compile(`input.${i}.value`, `value of ${JSON.stringify(arg.name)}`, arg.value, arg.type));
      if (node.onFailure && !node.waitForResult) {
        check.error('child.failure-without-wait', `${describeNode(node)} only starts the child, so it never sees the child fail; tick "wait for the result" or remove its "on failure" output`, 'onFailure');
      }
      if (!node.resultVariable) return;
      const target = check.variableType(node.resultVariable);
      const field = 'resultVariable';
      if (!node.waitForResult) {
        check.error('child.no-result', `${describeNode(node)} does not wait for the child, so there is no result to store in ${JSON.stringify(node.resultVariable)}; tick "wait for the result" or clear the variable`, field);
      } else if (!target) {
        check.error('assignment.unknown-variable', `${describeNode(node)} stores its result in ${JSON.stringify(node.resultVariable)}, which is not a declared variable; declare it in the workflow's variables`, field);
      } else if (target.kind !== (node.resultType ?? 'string')) {
        check.error('child.result-type', `${describeNode(node)}: the child returns a ${node.resultType ?? 'string'}, but ${JSON.stringify(node.resultVariable)} is a ${formatType(target)}`, field);
      }
    },
    references(node, check) {
      if (node.design) check.design('design', node.design);
    },
  },
  lower(node, lower) {
    const valueCode = (i: number) => lower.code(`input.${i}.value`);
    // A design whose input is separate arguments gets them in its order; any other one record of the fields.
    const target = lower.targetArguments(node);
    const positional = target?.arguments === 'positional' ? positionalArguments(node.input, target, valueCode) : null;
    const record = positional ? null : typedObject(node.input, valueCode);
    const parameters = positional ? positional.type : record?.type ? `input: ${record.type}` : '';
    const args = positional ? positional.value : (record?.value ?? '');
    const options = [
      `workflowId: ${lower.code('workflowId')}`,
      ...taskQueueOption(node, lower),
      ...(args ? [`args: [${args}]`] : []),
      // A child that is only started lives on when this run ends.
      ...(node.waitForResult ? [] : [`parentClosePolicy: 'ABANDON'`]),
    ];
    const child: IrStatement = {
      kind: 'childWorkflow',
      call: node.waitForResult ? 'executeChild' : 'startChild',
      signature: `(${parameters}) => Promise<${node.waitForResult ? (node.resultType ?? 'string') : 'unknown'}>`,
      workflowTypeLiteral: JSON.stringify(node.design ?? node.workflowType),
      optionsCode: `{ ${options.join(', ')} }`,
      resultVariable: (node.waitForResult && node.resultVariable) || null,
      onFailure: node.onFailure ? lower.failurePath('ChildWorkflowFailure') : null,
    };
    return [lower.enter, child, ...lower.next('next')];
  },
  partials: ['step-childWorkflow', 'step-failure', 'step-enterStep'],
};

/**
 * Where the child runs: its design's stable queue as the deploy resolved it (none for this design
 * itself, or in the live view), or, on a node from before designs were named, the typed expression.
 */
function taskQueueOption(node: NodeOfType<'childWorkflow'>, lower: LowerContext): string[] {
  if (node.design !== undefined) {
    const taskQueue = lower.taskQueueOf(node.design);
    return taskQueue ? [`taskQueue: ${JSON.stringify(taskQueue)}`] : [];
  }
  return node.taskQueue?.trim() ? [`taskQueue: ${lower.code('taskQueue')}`] : [];
}

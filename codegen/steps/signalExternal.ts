import { z } from 'zod';
import { positionalArguments, typedObject } from '../ir/code';
import { nodeBase, TypedArgumentSchema } from '../schema/parts';
import type { StepDefinition } from './types';

/** The fields of a Signal workflow node. */
export const signalExternalNode = z.object({
  ...nodeBase,
  type: z.literal('signalExternal'),
  /** An expression for the target's workflow id. */
  workflowId: z.string(),
  /**
   * The design the target runs, by name, when it is one (optional: a parent or any workflow can be
   * signalled). Signals go by workflow id, so no task queue is needed; naming the design lets the
   * deploy check it is deployed. Designs saved before have no such field and compile as they did.
   */
  design: z.string().optional(),
  signal: z.string(),
  /**
   * The signal's payload object, field by field (none: a signal without arguments); to a signal
   * that takes separate arguments, the fields are those arguments, sent in its order.
   */
  args: z.array(TypedArgumentSchema),
});

/**
 * Signal workflow: sends a signal to another running workflow by its id (6.4.3), e.g. a parent
 * or a sibling. Fields: `signalExternalNode` above (codegen/schema/design.ts unites every kind's into NodeSchema). Template:
 * partials/step-signalExternal.hbs.
 * UI: components/steps/signalExternal.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const signalExternal: StepDefinition<'signalExternal'> = {
  kind: 'signalExternal',
  title: 'Signal workflow',
  schema: signalExternalNode,
  outputs: () => ['next'],
  defaultOutput: 'next',
  workflowImports: () => ['getExternalWorkflowHandle'],
  spellsMoney: (node) => node.args.some((a) => a.type === 'money'),
  validate: {
    names(node, check) {
      check.targetName('signal', 'signal', node.signal);
      if (node.design) check.targetName('design', 'design', node.design);
      check.fieldList(node.args, 'args');
    },
    expressions(node, check) {
      check.compile('workflowId', 'workflow id', node.workflowId, 'string');
      node.args.forEach((arg, i) => check.compile(`args.${i}.value`, `value of ${JSON.stringify(arg.name)}`, arg.value, arg.type));
    },
    references(node, check) {
      if (node.design) check.design('design', node.design);
    },
  },
  lower(node, lower) {
    const valueCode = (i: number) => lower.code(`args.${i}.value`);
    // A signal that takes separate arguments gets them in its order; any other one record of the fields.
    const target = lower.targetArguments(node);
    const { type, value } = target?.arguments === 'positional' ? positionalArguments(node.args, target, valueCode) : typedObject(node.args, valueCode);
    return [
      lower.enter,
      { kind: 'signalExternal', workflowIdCode: lower.code('workflowId'), signalLiteral: JSON.stringify(node.signal), argsType: type, argsCode: value },
      ...lower.next('next'),
    ];
  },
  partials: ['step-signalExternal', 'step-enterStep'],
};

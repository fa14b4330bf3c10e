import { z } from 'zod';
import { typedObject } from '../ir/code';
import { nodeBase, TypedArgumentSchema } from '../schema/parts';
import type { StepDefinition } from './types';

/** The fields of a Signal workflow node. */
export const signalExternalNode = z.object({
  ...nodeBase,
  type: z.literal('signalExternal'),
  /** An expression for the target's workflow id. */
  workflowId: z.string(),
  signal: z.string(),
  /** The signal's payload object, field by field (none: a signal without arguments). */
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
      check.fieldList(node.args, 'args');
    },
    expressions(node, check) {
      check.compile('workflowId', 'workflow id', node.workflowId, 'string');
      node.args.forEach((arg, i) => check.compile(`args.${i}.value`, `value of ${JSON.stringify(arg.name)}`, arg.value, arg.type));
    },
  },
  lower(node, lower) {
    const { type, value } = typedObject(node.args, (i) => lower.code(`args.${i}.value`));
    return [
      lower.enter,
      { kind: 'signalExternal', workflowIdCode: lower.code('workflowId'), signalLiteral: JSON.stringify(node.signal), argsType: type, argsCode: value },
      ...lower.next('next'),
    ];
  },
  partials: ['step-signalExternal', 'step-enterStep'],
};

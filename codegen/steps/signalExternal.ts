import { typedObject } from '../ir/code';
import type { StepDefinition } from './types';

/**
 * Signal workflow: sends a signal to another running workflow by its id (6.4.3), e.g. a parent
 * or a sibling. Schema: SignalExternalNodeSchema in codegen/schema/design.ts. Template:
 * partials/step-signalExternal.hbs.
 * UI: components/flow/nodes/SignalExternalNode.tsx (on the canvas), components/designer/inspector/SignalExternalForm.tsx (inspector), `signalExternal` in components/flow/kinds.ts (palette).
 */
export const signalExternal: StepDefinition<'signalExternal'> = {
  kind: 'signalExternal',
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

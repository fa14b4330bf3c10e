import { describeNode } from '../validate/describe';
import type { StepDefinition } from './types';

/**
 * Continue-as-new: ends this run and continues as a new one with fresh history (6.4.6), after
 * every handler finished; the `carry` variables keep their values (the workflow's `carried`
 * parameter, built in codegen/ir/lower.ts). Schema: ContinueAsNewNodeSchema in
 * codegen/schema/design.ts. Template: partials/step-continueAsNew.hbs.
 */
export const continueAsNew: StepDefinition<'continueAsNew'> = {
  kind: 'continueAsNew',
  outputs: () => [],
  defaultOutput: 'next',
  terminal: true,
  validate: {
    growth(node, check) {
      node.carry.forEach((name, i) => {
        if (!check.variables.has(name)) {
          check.error('continueAsNew.unknown-variable', `${describeNode(node)} carries ${JSON.stringify(name)}, which is not a declared variable; pick one of the workflow's variables`, `carry.${i}`);
        }
      });
    },
  },
  lower(node, lower) {
    const state = `{ ${node.carry.join(', ')} }`;
    const argsCode = lower.design.input.length ? `input, ${state}` : state;
    return [lower.enter, { kind: 'continueAsNew', workflowName: lower.design.name, argsCode }];
  },
  partials: ['step-continueAsNew', 'step-enterStep'],
};

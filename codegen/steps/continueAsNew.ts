import { z } from 'zod';
import { fieldTsType } from '../field-types';
import { isPositionalInput, readsRenamed } from '../ir/payloads';
import { identifierOf } from '../names';
import type { TsInterface } from '../ir/types';
import type { Design, NodeOfType } from '../schema/design';
import { describeNode } from '../validate/describe';
import { nodeBase } from '../schema/parts';
import type { StepDefinition } from './types';

/** The fields of a Continue-as-new node: the variables the next run keeps. */
export const continueAsNewNode = z.object({
  ...nodeBase,
  type: z.literal('continueAsNew'),
  carry: z.array(z.string()),
});

/**
 * Continue-as-new: ends this run and continues as a new one with fresh history (6.4.6), after
 * every handler finished; the `carry` variables keep their values (the workflow's `carried`
 * parameter, built in codegen/ir/lower.ts). Fields: `continueAsNewNode` above (codegen/schema/design.ts unites every kind's into NodeSchema). Template: partials/step-continueAsNew.hbs.
 * UI: components/steps/continueAsNew.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const continueAsNew: StepDefinition<'continueAsNew'> = {
  kind: 'continueAsNew',
  title: 'Continue-as-new',
  schema: continueAsNewNode,
  outputs: () => [],
  defaultOutput: 'next',
  terminal: true,
  workflowImports: () => ['continueAsNew'],
  // The next run gets the same input.
  readsInput: () => true,
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
    // The next run receives the input as clients sent it: under its wire names (codegen/ir/lower.ts).
    // A positional input is handed on as it came: one argument per field, then the state.
    const input = isPositionalInput(lower.design)
      ? lower.design.input.map((f) => identifierOf(f.name)).join(', ')
      : readsRenamed(lower.design.input)
        ? 'wireInput'
        : 'input';
    const argsCode = lower.design.input.length ? `${input}, ${state}` : state;
    return [lower.enter, { kind: 'continueAsNew', workflowName: lower.design.name, argsCode }];
  },
  partials: ['step-continueAsNew', 'step-enterStep'],
};

/**
 * What a continued run receives: the variables any Continue-as-new node carries. A variable
 * only some of them carry is optional; every run falls back to the initial value when absent.
 */
export function carriedState(design: Design, reachable: ReadonlySet<string>): TsInterface | null {
  const nodes = design.nodes.filter((n): n is NodeOfType<'continueAsNew'> => n.type === 'continueAsNew' && reachable.has(n.id));
  if (nodes.length === 0) return null;
  const fields = design.variables
    .filter((v) => nodes.some((n) => n.carry.includes(v.name)))
    .map((v) => ({ name: v.name, tsType: fieldTsType(v), optional: !nodes.every((n) => n.carry.includes(v.name)) || undefined }));
  return { name: `${design.name}Carried`, fields };
}

import { z } from 'zod';
import { IdSchema, nodeBase } from '../schema/parts';
import type { StepDefinition } from './types';

export const DecisionBranchSchema = z.object({
  id: IdSchema,
  label: z.string().max(200),
  condition: z.string(),
});
export type DecisionBranch = z.infer<typeof DecisionBranchSchema>;

/** The fields of a Decision node. */
export const decisionNode = z.object({
  ...nodeBase,
  type: z.literal('decision'),
  branches: z.array(DecisionBranchSchema),
});

/**
 * Decision: the first branch whose condition holds is taken, otherwise "else"; each branch is
 * an output named by its id. Fields: `decisionNode` above (codegen/schema/design.ts unites every kind's into NodeSchema). Template:
 * partials/step-decision.hbs.
 * UI: components/steps/decision.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const decision: StepDefinition<'decision'> = {
  kind: 'decision',
  title: 'Decision',
  schema: decisionNode,
  outputs: (node) => [...(node.branches ?? []).map((b) => b.id), 'else'],
  // An edge must say which branch it is.
  defaultOutput: undefined,
  describeOutput(node, output) {
    const branch = node.branches.find((b) => b.id === output);
    return branch ? `branch ${JSON.stringify(branch.label || branch.id)}` : '"else"';
  },
  validate: {
    expressions: (node, check) =>
      node.branches.forEach((branch, i) =>
        check.compile(`branches.${i}.condition`, `condition of branch ${JSON.stringify(branch.label || branch.id)}`, branch.condition, 'boolean'),
      ),
  },
  lower: (node, lower) => [
    lower.enter,
    {
      kind: 'decision',
      branches: node.branches.map((branch, i) => ({
        conditionCode: lower.code(`branches.${i}.condition`),
        label: branch.label || undefined,
        body: lower.next(branch.id),
      })),
      elseBody: lower.next('else'),
    },
  ],
  partials: ['step-decision', 'step-enterStep'],
};

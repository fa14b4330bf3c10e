import type { StepDefinition } from './types';

/**
 * Decision: the first branch whose condition holds is taken, otherwise "else"; each branch is
 * an output named by its id. Schema: DecisionNodeSchema in codegen/schema/design.ts. Template:
 * partials/step-decision.hbs.
 * UI: components/flow/nodes/DecisionNode.tsx (on the canvas), components/designer/inspector/DecisionForm.tsx (inspector), `decision` in components/flow/kinds.ts (palette).
 */
export const decision: StepDefinition<'decision'> = {
  kind: 'decision',
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

import type { StepDefinition } from './types';

/**
 * Assign: sets variables from expressions. Schema: AssignNodeSchema in codegen/schema/design.ts. Template: partials/step-assign.hbs.
 * UI: components/flow/nodes/AssignNode.tsx (on the canvas), components/designer/inspector/AssignForm.tsx (inspector), `assign` in components/flow/kinds.ts (palette).
 */
export const assign: StepDefinition<'assign'> = {
  kind: 'assign',
  outputs: () => ['next'],
  defaultOutput: 'next',
  writes: (node) => node.assignments.map((a) => a.variable),
  validate: {
    expressions: (node, check) => node.assignments.forEach((a, i) => check.assignTo(`assignments.${i}`, a.variable, a.value)),
  },
  lower: (node, lower) => [lower.enter, { kind: 'assign', assignments: lower.assignments(node) }, ...lower.next('next')],
  partials: ['step-assign', 'step-enterStep'],
};

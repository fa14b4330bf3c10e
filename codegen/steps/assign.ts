import { z } from 'zod';
import { AssignmentSchema, nodeBase } from '../schema/parts';
import type { StepDefinition } from './types';

/** The fields of an Assign node. */
export const assignNode = z.object({
  ...nodeBase,
  type: z.literal('assign'),
  assignments: z.array(AssignmentSchema),
});

/**
 * Assign: sets variables from expressions. Fields: `assignNode` above (codegen/schema/design.ts unites every kind's into NodeSchema). Template: partials/step-assign.hbs.
 * UI: components/steps/assign.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const assign: StepDefinition<'assign'> = {
  kind: 'assign',
  title: 'Assign',
  schema: assignNode,
  outputs: () => ['next'],
  defaultOutput: 'next',
  writes: (node) => node.assignments.map((a) => a.variable),
  validate: {
    expressions: (node, check) => node.assignments.forEach((a, i) => check.assignTo(`assignments.${i}`, a.variable, a.value)),
  },
  lower: (node, lower) => [lower.enter, { kind: 'assign', assignments: lower.assignments(node) }, ...lower.next('next')],
  partials: ['step-assign', 'step-enterStep'],
};

import { z } from 'zod';
import { activityArgsCode } from '../ir/code';
import { ActivityNameSchema, DurationSchema, nodeBase } from '../schema/parts';
import type { StepDefinition } from './types';

/** The fields of an Activity node; `args` maps each of the activity's parameters to an expression. */
export const activityNode = z.object({
  ...nodeBase,
  type: z.literal('activity'),
  activity: ActivityNameSchema,
  args: z.record(z.string(), z.string()),
  resultVariable: z.string().optional(),
  startToCloseTimeout: DurationSchema.optional(),
});

/**
 * Activity: runs a built-in or custom activity with `args` (one expression per parameter),
 * storing its result in `resultVariable`. Fields: `activityNode` above (codegen/schema/design.ts unites every kind's into NodeSchema);
 * the activities themselves: codegen/activities.ts. Template: partials/step-activity.hbs.
 * UI: components/steps/activity.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const activity: StepDefinition<'activity'> = {
  kind: 'activity',
  title: 'Activity',
  schema: activityNode,
  outputs: () => ['next'],
  defaultOutput: 'next',
  recordsStep: () => true,
  writes: (node) => (node.resultVariable ? [node.resultVariable] : []),
  validate: {
    expressions: (node, check) => check.activityCall('', node),
  },
  lower(node, lower) {
    const argsCode = activityArgsCode(lower.specOf(node.activity), (name) => lower.code(`args.${name}`));
    const call = { kind: 'activity' as const, callee: lower.callee(node), argsCode, resultVariable: node.resultVariable || null };
    return [lower.enter, call, ...lower.next('next')];
  },
  partials: ['step-activity', 'step-enterStep'],
};

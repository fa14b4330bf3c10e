import { z } from 'zod';
import { ArgumentsSchema, AssignmentSchema, FieldSchema, HandlerActivitySchema, nodeBase } from '../schema/parts';
import type { MessageDefinition } from './types';

/** The fields of a Signal node. */
export const signalNode = z.object({
  ...nodeBase,
  type: z.literal('signal'),
  name: z.string(),
  parameters: z.array(FieldSchema),
  /** How clients send the parameters: one record (default) or one argument each, in order. */
  arguments: ArgumentsSchema.optional(),
  /** Applied only when this holds (e.g. `!contains(paidIds, args.paymentId)` to drop duplicates). */
  when: z.string().optional(),
  activity: HandlerActivitySchema.optional(),
  assignments: z.array(AssignmentSchema),
});

/**
 * Signal: a message that changes state — optionally only when `when` holds, optionally after
 * running an activity — and answers nothing. Fields: `signalNode` above (codegen/schema/design.ts
 * unites every kind's into NodeSchema). Templates: partials/define-signal.hbs (its definition in
 * shared.ts), handler-signal.hbs, signal-body.hbs, handler-effects.hbs (its handler).
 * UI: components/steps/signal.tsx (inspector form, palette entry, new-node defaults; drawn by the shared components/flow/nodes/HandlerNode.tsx).
 */
export const signal: MessageDefinition<'signal'> = {
  kind: 'signal',
  title: 'Signal',
  schema: signalNode,
  writes: (node) => [...node.assignments.map((a) => a.variable), ...(node.activity?.resultVariable ? [node.activity.resultVariable] : [])],
  validate: {
    expressions(node, check) {
      if (node.when !== undefined && node.when.trim() !== '') check.compile('when', 'condition "apply only when"', node.when, 'boolean');
      if (node.activity) check.activityCall('activity.', node.activity);
      node.assignments.forEach((a, i) => check.assignTo(`assignments.${i}`, a.variable, a.value));
    },
    growth: (node, check) => check.appendsWithoutLimit(node.assignments, ['when'], 'an "apply only when" condition'),
  },
  lower(node, lower) {
    const activity = lower.activity(node.activity);
    const skips = lower.has('when');
    const common = lower.common(node, {
      bodyFields: [...node.assignments.map((_, i) => `assignments.${i}.value`), ...activity.argFields, 'when'],
      activity: activity.ir,
      changesState: node.assignments.length > 0 || activity.ir?.resultVariable != null || skips,
    });
    return { ...common, kind: 'signal', skipWhenCode: skips ? lower.negate('when') : null, assignments: lower.assignments(node) };
  },
  partials: ['define-signal', 'handler-signal', 'signal-body', 'handler-effects'],
};

import { z } from 'zod';
import { activityArgsCode, durationMs } from '../ir/code';
import { ActivityNameSchema, DurationSchema, RetryPolicySchema, nodeBase } from '../schema/parts';
import { describeNode } from '../validate/describe';
import { failureImports, onFailureField, outputsWithFailure } from './failure';
import type { StepDefinition } from './types';

/** The fields of an Activity node; `args` maps each of the activity's parameters to an expression. */
export const activityNode = z.object({
  ...nodeBase,
  type: z.literal('activity'),
  activity: ActivityNameSchema,
  args: z.record(z.string(), z.string()),
  resultVariable: z.string().optional(),
  /** One attempt's limit (default 1 minute). */
  startToCloseTimeout: DurationSchema.optional(),
  /** All attempts together, retries included (default: none, the attempts bound it). */
  scheduleToCloseTimeout: DurationSchema.optional(),
  retry: RetryPolicySchema.optional(),
  ...onFailureField,
});

/**
 * Activity: runs a built-in or custom activity with `args` (one expression per parameter),
 * storing its result in `resultVariable`; `startToCloseTimeout`, `scheduleToCloseTimeout` and `retry`
 * are Temporal's activity options (finite defaults in codegen/ir/proxies.ts); with `onFailure`, a failure
 * once the retries are spent continues through "failure" (codegen/steps/failure.ts) instead of failing the run. Fields: `activityNode` above (codegen/schema/design.ts unites every kind's into NodeSchema);
 * the activities themselves: codegen/activities.ts. Template: partials/step-activity.hbs.
 * UI: components/steps/activity.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const activity: StepDefinition<'activity'> = {
  kind: 'activity',
  title: 'Activity',
  schema: activityNode,
  outputs: outputsWithFailure,
  defaultOutput: 'next',
  describeOutput: (_node, output) => (output === 'next' ? '"next"' : '"on failure"'),
  recordsStep: () => true,
  workflowImports: (node) => failureImports(node, 'ActivityFailure'),
  writes: (node) => (node.resultVariable ? [node.resultVariable] : []),
  validate: {
    expressions: (node, check) => check.activityCall('', node),
    afterExpressions(node, check) {
      const { retry } = node;
      if (retry?.initialInterval && retry.maximumInterval && durationMs(retry.maximumInterval) < durationMs(retry.initialInterval)) {
        check.error('activity.retry', `${describeNode(node)} waits at most its maximum interval between attempts, which is shorter than its initial interval; make the maximum interval at least the initial one`, 'retry.maximumInterval');
      }
      if (node.scheduleToCloseTimeout && node.startToCloseTimeout && durationMs(node.scheduleToCloseTimeout) < durationMs(node.startToCloseTimeout)) {
        check.error('activity.timeout', `${describeNode(node)} has a schedule-to-close timeout (all attempts) shorter than its start-to-close timeout (one attempt); make it longer, or leave it out`, 'scheduleToCloseTimeout');
      }
    },
  },
  lower(node, lower) {
    const argsCode = activityArgsCode(lower.specOf(node.activity), (name) => lower.code(`args.${name}`));
    const onFailure = node.onFailure ? lower.failurePath('ActivityFailure') : null;
    const call = { kind: 'activity' as const, callee: lower.callee(node), argsCode, resultVariable: node.resultVariable || null, onFailure };
    return [lower.enter, call, ...lower.next('next')];
  },
  partials: ['step-activity', 'step-failure', 'step-enterStep'],
};

import { z } from 'zod';
import { durationLiteral } from '../ir/code';
import type { Duration } from '../schema/design';
import { DurationSchema, nodeBase } from '../schema/parts';
import type { StepDefinition } from './types';

/** A timer too short to look for an execution in (visibility itself lags by about a second). */
function isBrief(duration: Duration): boolean {
  return duration.unit === 'seconds' && duration.amount < 60;
}

/** The fields of a Timer node. */
export const timerNode = z.object({
  ...nodeBase,
  type: z.literal('timer'),
  duration: DurationSchema,
});

/**
 * Timer: sleeps for a fixed duration. Fields: `timerNode` above (codegen/schema/design.ts unites every kind's into NodeSchema). Template: partials/step-sleep.hbs.
 * UI: components/steps/timer.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const timer: StepDefinition<'timer'> = {
  kind: 'timer',
  title: 'Timer',
  schema: timerNode,
  outputs: () => ['next'],
  defaultOutput: 'next',
  workflowImports: () => ['sleep'],
  recordsStep: (node) => !isBrief(node.duration),
  lower: (node, lower) => [lower.enter, { kind: 'sleep', durationLiteral: durationLiteral(node.duration) }, ...lower.next('next')],
  partials: ['step-sleep', 'step-enterStep'],
};

import { z } from 'zod';
import { referencedNames } from '../expressions';
import { durationLiteral } from '../ir/code';
import { describeNode } from '../validate/describe';
import { DurationSchema, nodeBase } from '../schema/parts';
import type { StepDefinition } from './types';

/** The fields of a Wait node. */
export const waitNode = z.object({
  ...nodeBase,
  type: z.literal('wait'),
  condition: z.string(),
  timeout: DurationSchema.optional(),
});

/**
 * Wait: pauses until `condition` holds; with a timeout, the "timeout" output is taken when it
 * expires. Fields: `waitNode` above (codegen/schema/design.ts unites every kind's into NodeSchema). Template: partials/step-wait.hbs.
 * UI: components/steps/wait.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const wait: StepDefinition<'wait'> = {
  kind: 'wait',
  title: 'Wait',
  schema: waitNode,
  outputs: (node) => (node.timeout ? ['met', 'timeout'] : ['met']),
  defaultOutput: 'met',
  takesMessages: true,
  recordsStep: () => true,
  validate: {
    expressions: (node, check) => check.compile('condition', 'condition', node.condition, 'boolean'),
    // A wait must be satisfiable by some message, and a wait on people should have a deadline.
    afterExpressions(node, check) {
      const condition = check.compiled('condition');
      if (!condition) return;
      const reads = [...referencedNames(condition.ast)].filter((name) => name !== 'input');
      const satisfiable = reads.some((name) => check.changedByMessages.has(name));
      if (!satisfiable) {
        const what = reads.length ? `no signal or update changes ${reads.map((n) => JSON.stringify(n)).join(' or ')}` : 'its condition reads no variable';
        if (node.timeout) check.warning('wait.unsatisfiable', `${describeNode(node)} can only end by its timeout: ${what}; use a Timer if that is intended`, 'condition');
        else check.error('wait.unsatisfiable', `${describeNode(node)} can never finish: ${what}`, 'condition');
      } else if (!node.timeout) {
        check.warning('wait.no-timeout', `${describeNode(node)} waits for a message without a timeout: if nobody answers, the execution waits forever`, 'timeout');
      }
    },
  },
  lower: (node, lower) => [
    lower.enter,
    {
      kind: 'wait',
      conditionCode: lower.code('condition'),
      timeoutLiteral: node.timeout ? durationLiteral(node.timeout) : null,
      onMet: lower.next('met'),
      onTimeout: node.timeout ? lower.next('timeout') : [],
    },
  ],
  partials: ['step-wait', 'step-enterStep'],
};

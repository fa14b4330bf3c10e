import { z } from 'zod';
import { nodeBase } from '../schema/parts';
import { isInferredResultType } from '../schema/workflow-result';
import type { StepDefinition } from './types';

/** The fields of an End node. */
export const endNode = z.object({
  ...nodeBase,
  type: z.literal('end'),
  outcome: z.enum(['complete', 'fail']),
  result: z.string(),
});

/**
 * End: completes the workflow with `result`, or fails it with `result` as the message. Fields: `endNode` above (codegen/schema/design.ts unites every kind's into NodeSchema). Templates: partials/step-complete.hbs, step-fail.hbs.
 * UI: components/steps/end.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const end: StepDefinition<'end'> = {
  kind: 'end',
  title: 'End',
  schema: endNode,
  outputs: () => [],
  defaultOutput: 'next',
  terminal: true,
  workflowImports: (node) => (node.outcome === 'fail' ? ['ApplicationFailure'] : []),
  validate: {
    expressions: (node, check) =>
      node.outcome === 'fail'
        ? check.compile('result', 'failure message', node.result, 'string')
        : // A record's fields and a list's items are inferred; codegen/validate/workflow-result.ts checks every End gives the same.
          check.compile('result', 'result', node.result, isInferredResultType(check.design.resultType) ? undefined : check.design.resultType),
  },
  lower: (node, lower) =>
    node.outcome === 'fail'
      ? [lower.enter, { kind: 'fail', messageCode: lower.code('result') }]
      : [lower.enter, { kind: 'complete', resultCode: lower.code('result') }],
  partials: ['step-complete', 'step-fail', 'step-enterStep'],
};

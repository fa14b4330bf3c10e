import { z } from 'zod';
import { identifierOf, isRenamed } from '../names';
import { ArgumentsSchema, FieldSchema, nodeBase } from '../schema/parts';
import type { MessageDefinition } from './types';

/** The fields of a Query node: read-only by construction, parameters and a return expression, no effects. */
export const queryNode = z.object({
  ...nodeBase,
  type: z.literal('query'),
  name: z.string(),
  parameters: z.array(FieldSchema),
  /** How clients send the parameters: one record (default) or one argument each, in order. */
  arguments: ArgumentsSchema.optional(),
  returns: z.string(),
});

/**
 * Query: reads state without changing it (its `returns` expression). Fields: `queryNode` above
 * (codegen/schema/design.ts unites every kind's into NodeSchema). Templates:
 * partials/define-query.hbs (its definition in shared.ts), handler-query.hbs (its handler).
 * UI: components/steps/query.tsx (inspector form, palette entry, new-node defaults; drawn by the shared components/flow/nodes/HandlerNode.tsx).
 */
export const query: MessageDefinition<'query'> = {
  kind: 'query',
  title: 'Query',
  schema: queryNode,
  validate: {
    expressions: (node, check) => check.compile('returns', 'return value', node.returns),
  },
  lower(node, lower) {
    const common = lower.common(node, { bodyFields: ['returns'], activity: null, changesState: false });
    // Queries have no payload check (they change nothing), but read their arguments under the same identifiers.
    // Positional arguments arrive one per parameter: `{ noteText: wireArgs[0] }`.
    const readArgsCode =
      common.usesArgs && (common.positional || node.parameters.some((p) => isRenamed(p.name)))
        ? `{ ${node.parameters.map((p, i) => `${identifierOf(p.name)}: ${common.positional ? `wireArgs[${i}]` : `wireArgs.${p.name}`}`).join(', ')} }`
        : null;
    return { ...common, kind: 'query', resultTsType: lower.returnsTsType(), returnsCode: lower.code('returns'), readArgsCode };
  },
  partials: ['define-query', 'handler-query'],
};

import { z } from 'zod';
import { nodeBase } from '../schema/parts';
import type { StepDefinition } from './types';

export const startNode = z.object({ ...nodeBase, type: z.literal('start') });

/**
 * Start: where every execution begins (exactly one per design, created with it; the graph check
 * in codegen/validate/graph.ts counts them). Fields: `startNode` above (codegen/schema/design.ts unites every kind's into NodeSchema). No partial: it lowers to its successor.
 * UI: components/steps/start.tsx (canvas node, inspector form, palette entry, new-node defaults).
 */
export const start: StepDefinition<'start'> = {
  kind: 'start',
  title: 'Start',
  schema: startNode,
  outputs: () => ['next'],
  defaultOutput: 'next',
  lower: (_node, lower) => lower.next('next'),
  partials: [],
};

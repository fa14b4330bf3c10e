import type { StepDefinition } from './types';

/**
 * Start: where every execution begins (exactly one per design, created with it; the graph check
 * in codegen/validate/graph.ts counts them). Schema: StartNodeSchema in codegen/schema/design.ts
 * (all node schemas stay in one discriminated union there). No partial: it lowers to its successor.
 * UI: components/flow/nodes/StartNode.tsx (on the canvas), `start` in components/flow/kinds.ts (palette).
 */
export const start: StepDefinition<'start'> = {
  kind: 'start',
  outputs: () => ['next'],
  defaultOutput: 'next',
  lower: (_node, lower) => lower.next('next'),
  partials: [],
};

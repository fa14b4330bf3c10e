import type { Diagnostic } from '../diagnostics';
import type { Design } from '../schema/design';
import { checkCustomActivities } from './activities';
import { checkExpressions, type CompiledExpressions } from './expressions';
import { checkGraph, type FlowGraph } from './graph';
import { checkGrowth } from './growth';
import { checkLoops } from './loops';
import { checkQueryCost } from './query-cost';
import { checkNames, moduleNames } from './names';
import { checkReferences, type DesignResolutions } from './references';
import { checkTargetArguments } from './target-arguments';
import { checkWorkflowResult } from './workflow-result';

export interface ValidatedDesign {
  design: Design;
  graph: FlowGraph;
  expressions: CompiledExpressions;
  /** The other designs it may name, when the caller resolved them (see checkReferences). */
  designs?: DesignResolutions;
}

export type ValidationResult = { diagnostics: Diagnostic[]; validated: ValidatedDesign | null };

/** Stage 2: every rule the drawing must satisfy before code can be generated from it. */
export function validateDesign(design: Design, designs?: DesignResolutions): ValidationResult {
  const names = checkNames(design);
  const { diagnostics: graphDiagnostics, graph } = checkGraph(design);
  const { diagnostics: expressionDiagnostics, compiled } = checkExpressions(design);
  const activities = checkCustomActivities(design, moduleNames(design));
  // Anti-patterns of 6.5 a drawing shows: loops that grow the history, queries that walk a growing list.
  const patterns = [...(graph ? checkLoops(design, graph, compiled) : []), ...checkQueryCost(design, compiled)];
  const diagnostics = [...names, ...activities, ...graphDiagnostics, ...expressionDiagnostics, ...checkWorkflowResult(design, compiled), ...checkGrowth(design, compiled), ...patterns, ...checkReferences(design, designs), ...checkTargetArguments(design, designs)];
  const blocked = diagnostics.some((d) => d.severity === 'error');
  return { diagnostics, validated: blocked || !graph ? null : { design, graph, expressions: compiled, designs } };
}

export { expressionKey, DESIGN_OWNER } from './expressions';
export { joinedNodes } from './structure';
export type { CompiledExpressions } from './expressions';
export { namedDesigns } from './references';
export type { DesignResolution, DesignResolutions } from './references';
export { designArguments, type ArgumentShape, type DesignArguments } from './target-arguments';

import type { Diagnostic } from '../diagnostics';
import type { Design } from '../schema/design';
import { checkCustomActivities } from './activities';
import { checkExpressions, type CompiledExpressions } from './expressions';
import { checkGraph, type FlowGraph } from './graph';
import { checkGrowth } from './growth';
import { checkNames, moduleNames } from './names';

export interface ValidatedDesign {
  design: Design;
  graph: FlowGraph;
  expressions: CompiledExpressions;
}

export type ValidationResult = { diagnostics: Diagnostic[]; validated: ValidatedDesign | null };

/** Stage 2: every rule the drawing must satisfy before code can be generated from it. */
export function validateDesign(design: Design): ValidationResult {
  const names = checkNames(design);
  const { diagnostics: graphDiagnostics, graph } = checkGraph(design);
  const { diagnostics: expressionDiagnostics, compiled } = checkExpressions(design);
  const activities = checkCustomActivities(design, moduleNames(design));
  const diagnostics = [...names, ...activities, ...graphDiagnostics, ...expressionDiagnostics, ...checkGrowth(design, compiled)];
  const blocked = diagnostics.some((d) => d.severity === 'error');
  return { diagnostics, validated: blocked || !graph ? null : { design, graph, expressions: compiled } };
}

export { expressionKey, DESIGN_OWNER } from './expressions';
export { joinedNodes } from './structure';
export type { CompiledExpressions } from './expressions';

/**
 * The design model: the design format (its schema and types), each node kind's name and outputs,
 * identifiers, expressions, activities and what the monitor reads of a running workflow — all a
 * caller needs to know about a design without compiling it. Browser-safe (no Node built-ins): the
 * designer and the monitor import it. The compiler's surface (codegen/index.ts) re-exports it; the
 * other entry points are codegen/export and codegen/verify (docs/architecture.md, codegen-surface).
 */
export * from './schema/design';
export { WorkflowResultTypeSchema, type WorkflowResultType } from './schema/workflow-result';
export type { Diagnostic } from './diagnostics';
export { hasErrors } from './diagnostics';
export { kindTitle } from './kinds';
export { STEPS, stepOf, isStepKind } from './steps';
export { flowOutputs, edgeOutput } from './validate/outputs';
export { failurePathNodes } from './validate/failure-paths';
export * from './names';
export * from './expressions';
export { tokenize, tokenizeText, MAX_EXPRESSION_LENGTH, type Token } from './expressions/lexer';
export * from './activities';
export { recordsStep, entryStep } from './step-recording';
export * from './notify-recipients';
export * from './runtime-contract';

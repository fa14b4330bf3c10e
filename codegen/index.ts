/**
 * The code generator's public surface. Pure: design JSON in, diagnostics and files out.
 * Stages: parse (zod) → validate → IR → emit (templates) → format. Verification
 * (type-check, bundle) lives in codegen/verify and worker/bundle.
 */
export type { Diagnostic } from './diagnostics';
export { hasErrors } from './diagnostics';
export * from './schema/design';
export { compileDesign } from './pipeline';
export type { CompileResult, GeneratedFile } from './pipeline';
export { DESIGNER_STATE_QUERY } from './runtime-contract';
export type { DesignerState } from './runtime-contract';

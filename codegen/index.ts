/**
 * The code generator's public surface. Pure: design JSON in, diagnostics and files out.
 * Stages: parse (zod) → validate → IR → emit (templates) → format. It includes the design model
 * (codegen/design.ts, browser-safe); checking generated code is codegen/verify, the exported
 * project codegen/export. Code outside codegen/ imports only these entry points (rule codegen-surface).
 */
export * from './design';
export { compileDesign } from './pipeline';
export type { CompileOptions, CompileResult, GeneratedFile } from './pipeline';
export { designArguments, namedDesigns } from './validate';
export type { DesignArguments, DesignResolution, DesignResolutions } from './validate';

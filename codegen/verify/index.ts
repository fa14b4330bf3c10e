/** Checking generated code: the TypeScript compiler over a generated project, and custom activities transpiled for their runner. */
export { typecheckFiles, typecheckProject, GENERATED_CODE_COMPILER_OPTIONS } from './typecheck';
export type { TypecheckInput } from './typecheck';
export { transpileCustomActivities, compiledActivityPath } from './transpile';
export type { CompiledActivity } from './transpile';

import { join, relative } from 'node:path';
import ts from 'typescript';
import type { Diagnostic } from '../diagnostics';
import { activityDiagnostic, activityOfFile, checkActivityImports, customActivityFiles } from './custom-activities';

/**
 * Generated code is held to a stricter standard than hand-written code: strict mode, no unused
 * names, no implicit returns, against the real @temporalio/* type definitions.
 */
export const GENERATED_CODE_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noEmit: true,
};

export interface TypecheckInput {
  /** A directory inside the project, so that `@temporalio/*` resolves from its node_modules. */
  dir: string;
  /** File names relative to `dir`, e.g. ["workflows.ts", "shared.ts", "activities.ts"]. */
  files: string[];
}

/**
 * Library declaration files (lib.es2022, @temporalio/*) parsed once per process and shared by
 * every Program: in a long-lived process (verify-cli --serve, the property test) only the
 * generated files are parsed again. Generated files themselves are never cached.
 */
const librarySourceFiles = new Map<string, ts.SourceFile>();

function isLibraryFile(fileName: string): boolean {
  return fileName.includes('/node_modules/') || fileName.includes('\\node_modules\\');
}

/** A compiler host that reuses parsed library files across Programs. */
export function cachingCompilerHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!isLibraryFile(fileName)) return readFromDisk(fileName, languageVersion, onError, shouldCreate);
    const key = `${typeof languageVersion === 'object' ? languageVersion.languageVersion : languageVersion}:${fileName}`;
    const cached = librarySourceFiles.get(key);
    if (cached) return cached;
    const parsed = readFromDisk(fileName, languageVersion, onError, shouldCreate);
    if (parsed) librarySourceFiles.set(key, parsed);
    return parsed;
  };
  return host;
}

/** Verify stage, part one: type-checks files on disk with the TypeScript compiler API. */
export function typecheckFiles({ dir, files }: TypecheckInput): Diagnostic[] {
  // Custom activities (activities/<name>.ts) run in the worker host: Node's types apply to them.
  const activityFiles = customActivityFiles(dir);
  const options = activityFiles.length ? { ...GENERATED_CODE_COMPILER_OPTIONS, types: ['node'] } : GENERATED_CODE_COMPILER_OPTIONS;
  const rootNames = [...new Set([...files, ...activityFiles])].map((file) => join(dir, file));
  const program = ts.createProgram({ rootNames, options, host: cachingCompilerHost(options) });
  const imports = activityFiles.flatMap((file) => {
    const source = program.getSourceFile(join(dir, file));
    const activity = activityOfFile(dir, join(dir, file));
    return source && activity ? checkActivityImports(activity, source) : [];
  });
  return [...imports, ...ts.getPreEmitDiagnostics(program).map((d) => activityDiagnostic(d, dir, program) ?? toDiagnostic(d, dir))];
}

function toDiagnostic(d: ts.Diagnostic, dir: string): Diagnostic {
  const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  let where = '';
  if (d.file && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    const file = relative(dir, d.file.fileName) || d.file.fileName;
    const source = d.file.text.split('\n')[line]?.trim() ?? '';
    where = `${file.startsWith('..') ? d.file.fileName : file}:${line + 1}:${character + 1}: `;
    if (source) return { severity: 'error', code: 'verify.typecheck', message: `${where}${text} (in: ${source})` };
  }
  return { severity: 'error', code: 'verify.typecheck', message: `${where}${text}` };
}

/** Type-checks a project folder by its own tsconfig.json (e.g. an exported project). */
export function typecheckProject(dir: string): Diagnostic[] {
  const configPath = join(dir, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) return [toDiagnostic(config.error, dir)];
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir, undefined, configPath);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return [...parsed.errors, ...ts.getPreEmitDiagnostics(program)].map((d) => toDiagnostic(d, dir));
}

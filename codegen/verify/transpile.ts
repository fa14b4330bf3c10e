import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { customActivityFiles } from './custom-activities';

export interface CompiledActivity {
  /** e.g. "activities/computeDiscount.mjs": stored with the deployment, loaded by the worker host. */
  path: string;
  contents: string;
}

/** Where the JavaScript of a custom activity goes, beside its source. */
export function compiledActivityPath(sourcePath: string): string {
  return sourcePath.replace(/\.ts$/, '.mjs');
}

/**
 * Deploy time, after the type check passed: each custom activity's TypeScript becomes an ES module
 * (types erased, nothing bundled: its imports are Node built-ins and @temporalio packages the
 * worker host has), written beside its source in the build directory.
 */
export function transpileCustomActivities(dir: string): CompiledActivity[] {
  return customActivityFiles(dir).map((file) => {
    const { outputText } = ts.transpileModule(readFileSync(join(dir, file), 'utf8'), {
      fileName: file,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true, sourceMap: false },
    });
    const compiled = { path: compiledActivityPath(file), contents: outputText };
    mkdirSync(dirname(join(dir, compiled.path)), { recursive: true });
    writeFileSync(join(dir, compiled.path), compiled.contents);
    return compiled;
  });
}

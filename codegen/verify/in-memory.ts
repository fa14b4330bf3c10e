/**
 * Type-checks many generated projects in ONE TypeScript Program, each in its own virtual folder
 * (never written to disk). The folders sit under the project root so `@temporalio/*` resolves from
 * its node_modules, and the parsed .d.ts files of libraries are kept between calls: checking a
 * second batch (or the next deploy) does not parse the SDK's types again.
 */
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import type { Diagnostic } from '../diagnostics';
import type { GeneratedFile } from '../pipeline';
import { cachingCompilerHost, GENERATED_CODE_COMPILER_OPTIONS } from './typecheck';

export interface VirtualProject {
  files: GeneratedFile[];
}

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
const VIRTUAL_ROOT = join(PROJECT_ROOT, '.virtual-typecheck');

/** Diagnostics per project, in the order given (empty when a project type-checks). */
export function typecheckInMemory(projects: VirtualProject[], options: ts.CompilerOptions = GENERATED_CODE_COMPILER_OPTIONS): Diagnostic[][] {
  const virtual = new Map<string, string>();
  projects.forEach((project, index) => {
    for (const file of project.files) virtual.set(join(VIRTUAL_ROOT, String(index), file.path), file.contents);
  });
  const virtualDirs = new Set<string>([VIRTUAL_ROOT]);
  for (const path of virtual.keys()) {
    for (let dir = join(path, '..'); dir.startsWith(VIRTUAL_ROOT); dir = join(dir, '..')) virtualDirs.add(dir);
  }

  const host = cachingCompilerHost(options);
  const fromLibraries = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion);
    return fromLibraries(fileName, languageVersion, onError, shouldCreate);
  };
  host.fileExists = (fileName) => virtual.has(fileName) || ts.sys.fileExists(fileName);
  host.readFile = (fileName) => virtual.get(fileName) ?? ts.sys.readFile(fileName);
  host.directoryExists = (dir) => virtualDirs.has(dir) || ts.sys.directoryExists(dir);

  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host });
  const results: Diagnostic[][] = projects.map(() => []);
  for (const d of [...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics()]) {
    for (const list of results) list.push(toDiagnostic(d));
  }
  for (const sourceFile of program.getSourceFiles()) {
    const index = projectIndex(sourceFile.fileName);
    if (index === null) continue;
    for (const d of [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]) {
      results[index].push(toDiagnostic(d));
    }
  }
  return results;
}

function projectIndex(fileName: string): number | null {
  const rel = relative(VIRTUAL_ROOT, fileName);
  if (rel.startsWith('..')) return null;
  const index = Number(rel.split(sep)[0]);
  return Number.isInteger(index) ? index : null;
}

function toDiagnostic(d: ts.Diagnostic): Diagnostic {
  const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file || d.start === undefined) return { severity: 'error', code: 'verify.typecheck', message: text };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const file = relative(VIRTUAL_ROOT, d.file.fileName).split(sep).slice(1).join('/');
  const source = d.file.text.split('\n')[line]?.trim() ?? '';
  return { severity: 'error', code: 'verify.typecheck', message: `${file}:${line + 1}:${character + 1}: ${text} (in: ${source})` };
}

/** typecheckInMemory on a worker thread of its own; `close()` ends the thread. */
export interface BackgroundTypechecker {
  /** Diagnostics per project, and how long the thread spent checking them (not counting its queue). */
  check(projects: VirtualProject[]): Promise<{ results: Diagnostic[][]; ms: number }>;
  close(): Promise<void>;
}

export function startBackgroundTypechecker(): BackgroundTypechecker {
  // A small .mjs entry registers tsx in the thread, which then loads the TypeScript module.
  const worker = new Worker(new URL('./in-memory-worker.mjs', import.meta.url));
  const pending = new Map<number, { resolve(answer: { results: Diagnostic[][]; ms: number }): void; reject(error: unknown): void }>();
  let nextId = 0;
  worker.on('message', ({ id, results, ms }: { id: number; results: Diagnostic[][]; ms: number }) => {
    pending.get(id)?.resolve({ results, ms });
    pending.delete(id);
  });
  worker.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  return {
    check: (projects) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, projects });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

import 'server-only';
import { compileDesign } from '@/codegen';
import type { Design } from '@/codegen/design';
import { resolveDesignReferences } from '@/lib/deploy/references';
import { diffLines, hunks, type DiffLine } from '@/lib/designs/diff';

/** A generated file that differs between two versions, as hunks of a line diff. */
export interface FileDiff {
  path: string;
  status: 'added' | 'removed' | 'changed';
  added: number;
  removed: number;
  hunks: DiffLine[][];
}

/** The generated code's diff; `problem` names a version whose code could not be generated (then no files). */
export type CodeDiff = { ok: true; files: FileDiff[] } | { ok: false; problem: string };

async function generate(design: Design): Promise<Map<string, string> | string> {
  const compiled = await compileDesign(design, { designs: await resolveDesignReferences(design).catch(() => undefined) });
  if (!compiled.ok) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error');
    return first ? first.message : 'the design does not compile';
  }
  return new Map(compiled.files.map((f) => [f.path, f.contents]));
}

/** Compiles both versions and diffs every generated file by path. */
export async function diffGeneratedCode(before: { version: number; design: Design }, after: { version: number; design: Design }): Promise<CodeDiff> {
  const [a, b] = await Promise.all([generate(before.design), generate(after.design)]);
  if (typeof a === 'string') return { ok: false, problem: `v${before.version} does not generate code: ${a}` };
  if (typeof b === 'string') return { ok: false, problem: `v${after.version} does not generate code: ${b}` };
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const files: FileDiff[] = [];
  for (const path of paths) {
    const old = a.get(path);
    const next = b.get(path);
    if (old === next) continue;
    const lines = diffLines(old ?? '', next ?? '');
    files.push({
      path,
      status: old === undefined ? 'added' : next === undefined ? 'removed' : 'changed',
      added: lines.filter((l) => l.op === '+').length,
      removed: lines.filter((l) => l.op === '-').length,
      hunks: hunks(lines),
    });
  }
  return { ok: true, files };
}

import type { Diagnostic } from '@/codegen/design';
import type { GeneratedFile } from '@/codegen';

/**
 * Merges a recompile's answer into what the designer shows, keeping the previous objects wherever
 * nothing changed: components selecting them (the code view, the canvas's node decorations) then
 * see the same reference and do not redraw on every keystroke.
 */
export function keepUnchangedFiles(previous: GeneratedFile[], next: GeneratedFile[]): GeneratedFile[] {
  const merged = next.map((file) => previous.find((old) => old.path === file.path && old.contents === file.contents) ?? file);
  return merged.length === previous.length && merged.every((file, i) => file === previous[i]) ? previous : merged;
}

export function keepUnchangedDiagnostics(previous: Diagnostic[], next: Diagnostic[]): Diagnostic[] {
  return previous === next || JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

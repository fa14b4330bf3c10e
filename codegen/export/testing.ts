import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nanoid } from 'nanoid';
import type { GeneratedFile } from '../pipeline';

/**
 * Writes exported files to a fresh folder inside the project's .data/, so the exported project
 * resolves its packages from our node_modules instead of installing them.
 */
export function writeExport(files: GeneratedFile[], label = 'export'): { dir: string; remove(): void } {
  const dir = join(import.meta.dirname, '..', '..', '.data', 'test-exports', `${label}-${nanoid(8)}`);
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

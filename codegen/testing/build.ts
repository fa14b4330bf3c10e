import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nanoid } from 'nanoid';
import { compileDesign } from '../pipeline';
import type { Design } from '../schema/design';

export interface Build {
  dir: string;
  workflowsPath: string;
  /** The generated activities module, loaded. */
  activities(): Promise<Record<string, (...args: never[]) => Promise<unknown>>>;
  remove(): void;
}

/**
 * Generates designs into a folder inside the project (so @temporalio/* resolves) for tests. Several
 * designs (a parent and the children it starts) each get a subfolder, re-exported by one index.
 */
export async function writeBuild(designs: Design | Design[]): Promise<Build> {
  const list = Array.isArray(designs) ? designs : [designs];
  const dir = join(import.meta.dirname, '..', '..', '.data', 'test-builds', nanoid(8));
  for (const [i, design] of list.entries()) {
    const result = await compileDesign(design);
    if (!result.ok) throw new Error(`design ${design.name} does not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    const target = list.length === 1 ? dir : join(dir, `design${i}`);
    mkdirSync(target, { recursive: true });
    for (const file of result.files) {
      // Custom activities live in a subfolder (activities/<name>.ts).
      mkdirSync(dirname(join(target, file.path)), { recursive: true });
      writeFileSync(join(target, file.path), file.contents);
    }
  }
  if (list.length > 1) {
    // The built-in activities are the same in every design; the first one's module serves all.
    writeFileSync(join(dir, 'workflows.ts'), list.map((_, i) => `export * from './design${i}/workflows';\n`).join(''));
    writeFileSync(join(dir, 'activities.ts'), `export * from './design0/activities';\n`);
  }
  return {
    dir,
    workflowsPath: join(dir, 'workflows.ts'),
    activities: async () => (await import(pathToFileURL(join(dir, 'activities.ts')).href)) as Record<string, (...args: never[]) => Promise<unknown>>,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

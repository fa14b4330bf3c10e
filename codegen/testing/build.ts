import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Generates a design into a folder inside the project (so @temporalio/* resolves) for tests. */
export async function writeBuild(design: Design): Promise<Build> {
  const result = await compileDesign(design);
  if (!result.ok) throw new Error(`design does not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  const dir = join(import.meta.dirname, '..', '..', '.data', 'test-builds', nanoid(8));
  mkdirSync(dir, { recursive: true });
  for (const file of result.files) writeFileSync(join(dir, file.path), file.contents);
  return {
    dir,
    workflowsPath: join(dir, 'workflows.ts'),
    activities: async () => (await import(pathToFileURL(join(dir, 'activities.ts')).href)) as Record<string, (...args: never[]) => Promise<unknown>>,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

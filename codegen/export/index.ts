/**
 * Export: a design as a standalone, runnable Temporal project (package.json, tsconfig.json,
 * package-lock.json, .gitignore, src/{shared,workflows,step-tracking,activities,worker,client,workflow.test}.ts, README.md). Pure: design JSON
 * in, files out; writing them (CLI) or zipping them (REST) is the caller's business.
 */
import { hasErrors, type Diagnostic } from '../diagnostics';
import { formatTypeScript } from '../format';
import { lowerDesign } from '../ir/lower';
import { compileDesign, type GeneratedFile } from '../pipeline';
import { validateDesign } from '../validate';
import { lockfileFor, type ExportManifest } from './lockfile';
import { exportModel, type ExportModel } from './model';
import { EXPORT_TEMPLATES, renderExportTemplate, withExportHeader } from './render';
import { EXPORT_DEPENDENCY_VERSIONS, EXPORT_DEV_DEPENDENCY_VERSIONS, EXPORT_NODE_ENGINES } from './versions';

export interface ExportResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The project's files, paths relative to its root; empty when not ok. */
  files: GeneratedFile[];
  /** The npm package name, also a good folder or zip name, when ok. */
  projectName: string | null;
}

export interface ExportOptions {
  /** The design's stable task queue in Signalbox (exported from a deployed design): the README tells callers to use it. */
  signalboxTaskQueue?: string;
}

export async function exportProject(input: unknown, options: ExportOptions = {}): Promise<ExportResult> {
  const project = await exportSources(input, options);
  if (!project.ok) return { ok: false, diagnostics: project.diagnostics, files: [], projectName: null };
  const { manifest, sources } = project;
  const files = [
    { path: 'package.json', contents: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: 'package-lock.json', contents: lockfileFor(manifest) },
    { path: '.gitignore', contents: GITIGNORE },
    ...sources,
  ].sort((a, b) => a.path.localeCompare(b.path));
  return { ok: true, diagnostics: project.diagnostics, files, projectName: manifest.name };
}

/** The package.json an export of this design has (what scripts/export-lockfiles.ts resolves a lock for). */
export async function exportManifest(input: unknown): Promise<ExportManifest> {
  const project = await exportSources(input, {});
  if (!project.ok) throw new Error(`the design does not compile: ${JSON.stringify(project.diagnostics)}`);
  return project.manifest;
}

type ExportedSources =
  | { ok: true; diagnostics: Diagnostic[]; manifest: ReturnType<typeof packageManifest>; sources: GeneratedFile[] }
  | { ok: false; diagnostics: Diagnostic[] };

async function exportSources(input: unknown, options: ExportOptions): Promise<ExportedSources> {
  const compiled = await compileDesign(input);
  if (!compiled.ok || !compiled.design) return { ok: false, diagnostics: compiled.diagnostics };
  const { validated, diagnostics } = validateDesign(compiled.design);
  if (!validated || hasErrors(diagnostics)) throw new Error('internal: a design that compiled no longer validates');
  const model: ExportModel = { ...exportModel(lowerDesign(validated)), signalboxTaskQueue: options.signalboxTaskQueue };

  const rendered = await Promise.all(
    EXPORT_TEMPLATES.map(async (path) => {
      const text = renderExportTemplate(path, model);
      return { path, contents: path.endsWith('.ts') ? await formatTypeScript(text) : text };
    }),
  );
  const sources = [...compiled.files.map((file) => ({ path: `src/${file.path}`, contents: withExportHeader(file.contents, model) })), ...rendered];
  return { ok: true, diagnostics: compiled.diagnostics, manifest: packageManifest(model, sources), sources };
}

/** What a fresh clone of the project does not need: installed packages, editor and OS litter, local env. */
const GITIGNORE = ['node_modules/', '*.log', '.env', '.env.*', '.DS_Store', ''].join('\n');

/** package.json as data (never a template), depending on exactly the packages the sources import. */
function packageManifest(model: ExportModel, sources: GeneratedFile[]): ExportManifest & Record<string, unknown> {
  const dependencies: Record<string, string> = {};
  for (const specifier of importedPackages(sources)) {
    if (EXPORT_DEV_DEPENDENCY_VERSIONS[specifier]) continue; // the test's own tooling (@temporalio/testing)
    const version = EXPORT_DEPENDENCY_VERSIONS[specifier];
    if (!version) throw new Error(`internal: the exported code imports ${specifier}, which has no pinned version`);
    dependencies[specifier] = version;
  }
  return {
    name: model.packageName,
    version: '0.1.0',
    private: true,
    type: 'module',
    description: model.description ? oneLine(model.description) : `The ${model.workflowName} Temporal workflow, exported from Signalbox`,
    engines: { node: EXPORT_NODE_ENGINES },
    scripts: {
      typecheck: 'tsc --noEmit',
      worker: 'tsx src/worker.ts',
      test: 'node --import tsx --test src/workflow.test.ts',
    },
    dependencies: sortKeys(dependencies),
    devDependencies: sortKeys({ ...EXPORT_DEV_DEPENDENCY_VERSIONS }),
  };
}

/** Bare package names the sources import (node: built-ins and relative imports excluded). */
export function importedPackages(sources: GeneratedFile[]): string[] {
  const packages = new Set<string>();
  for (const { path, contents } of sources) {
    if (!path.endsWith('.ts')) continue;
    // Single or double quotes: a custom activity's source (src/activities/<name>.ts) is the user's own style.
    for (const [, specifier] of contents.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
      if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return [...packages].sort();
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A deployment's custom activities in the worker host: the JavaScript the verifier compiled at
 * deploy time (activities/<name>.mjs, stored with the deployment) is written to a folder of that
 * deployment inside the project (so its `@temporalio/*` imports resolve from node_modules) and
 * imported. Deployments are immutable, so a module loaded once stays right for the process.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildsDir } from '../lib/paths';

export interface StoredActivityFile {
  path: string;
  contents: string;
}

export type ActivityFunction = (...args: never[]) => Promise<unknown>;

const COMPILED = /^activities\/([A-Za-z_][A-Za-z0-9_]*)\.mjs$/;

/** A custom activity's module threw when imported (e.g. a top-level statement): names the activity for the deploy's finding. */
export class CustomActivityLoadError extends Error {
  constructor(
    readonly activity: string,
    message: string,
  ) {
    super(message);
    this.name = 'CustomActivityLoadError';
  }
}

/** The folder holding one folder per deployment with custom activities. */
export function customActivitiesRoot(): string {
  return join(buildsDir(), '..', 'worker-activities');
}

const folderName = (deploymentId: string) => deploymentId.replace(/[^A-Za-z0-9_-]/g, '_');

/** Where a deployment's compiled activities are written for import. */
export function customActivitiesDir(deploymentId: string, root = customActivitiesRoot()): string {
  return join(root, folderName(deploymentId));
}

/**
 * A folder untouched for this long whose deployment is no longer active is removed. Loading a
 * deployment touches its folder, so a host that starts a worker never has the files removed under
 * it by another host (or a test run) that does not know that deployment.
 */
export const SWEEP_AFTER_MS = 10 * 60_000;

/** Removes the folders of deployments that are not active (retired or withdrawn); returns the removed folder names. */
export async function sweepCustomActivities(activeIds: Iterable<string>, root = customActivitiesRoot(), now = Date.now()): Promise<string[]> {
  const keep = new Set([...activeIds].map(folderName));
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || keep.has(entry.name)) continue;
    const path = join(root, entry.name);
    const touched = (await stat(path).catch(() => null))?.mtimeMs;
    if (touched === undefined || now - touched < SWEEP_AFTER_MS) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

/** The custom activities of a deployment, by name, ready to register beside the built-ins. */
export async function loadCustomActivities(deploymentId: string, files: readonly StoredActivityFile[]): Promise<Record<string, ActivityFunction>> {
  const compiled = files.flatMap((file) => {
    const match = COMPILED.exec(file.path);
    return match ? [{ name: match[1]!, contents: file.contents }] : [];
  });
  if (compiled.length === 0) return {};
  const dir = customActivitiesDir(deploymentId);
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  utimesSync(dir, now, now); // in use: not swept (sweepCustomActivities)
  const loaded: Record<string, ActivityFunction> = {};
  for (const { name, contents } of compiled) {
    const path = join(dir, `${name}.mjs`);
    // Several hosts may share the folder: write whole files only, and only when different.
    if (!existsSync(path) || readFileSync(path, 'utf8') !== contents) {
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, contents);
      renameSync(temporary, path);
    }
    let module: Record<string, unknown>;
    try {
      module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (error) {
      throw new CustomActivityLoadError(name, `custom activity "${name}" threw while loading: ${error instanceof Error ? error.message : String(error)}`);
    }
    const implementation = module[name];
    if (typeof implementation !== 'function') {
      throw new CustomActivityLoadError(name, `custom activity ${name} of deployment ${deploymentId} does not export a function named ${name}`);
    }
    loaded[name] = implementation as ActivityFunction;
  }
  return loaded;
}

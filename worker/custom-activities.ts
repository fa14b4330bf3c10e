/**
 * Server-only (worker host). A deployment's custom activities: the JavaScript the verifier compiled
 * at deploy time (activities/<name>.mjs, stored with the deployment) is written to a folder of that
 * deployment inside the project (so its `@temporalio/*` imports resolve from node_modules) and run
 * in activity runner processes (worker/activity-runner/), never imported into the worker host: the
 * code is the designer's, and the runner's sandbox is the boundary (docs/custom-activities.md).
 * The worker host registers, per activity, a function that sends the call to a runner.
 * With SIGNALBOX_CUSTOM_ACTIVITIES=off nothing is written or run: each activity fails, retryably,
 * saying the switch is off.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { customActivitiesEnabled, customActivitiesOffMessage } from '@/lib/custom-activities-setting';
import { buildsDir } from '@/lib/paths';
import { ActivityRunnerPool } from './activity-runner/pool';
import { RunnerLoadError, type CallContext } from './activity-runner/runner-process';
import { activityApiPackages, readableBy, RUNNER_SCRIPT, runnerIdentity, runnerLimits, type RunnerIdentity } from './activity-runner/sandbox';

export interface StoredActivityFile {
  path: string;
  contents: string;
}

export type ActivityFunction = (...args: unknown[]) => Promise<unknown>;

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

export interface LoadedCustomActivities {
  /** By name, ready to register beside the built-ins. */
  activities: Record<string, ActivityFunction>;
  /** Stops the deployment's runner processes (its worker stopped). */
  close(): Promise<void>;
}

const NOTHING: LoadedCustomActivities = { activities: {}, close: async () => {} };

/**
 * Who runners run as: the configured or default unprivileged user, if it can read what a runner
 * needs; else (a folder on the way only its owner may enter) the worker host's own user, said loudly.
 */
function identityFor(dir: string): RunnerIdentity | null {
  const identity = runnerIdentity();
  if (!identity) return null;
  const unreadable = [dir, RUNNER_SCRIPT, ...activityApiPackages()].filter((path) => !readableBy(identity, path));
  if (unreadable.length === 0) return identity;
  console.warn(`[worker] custom activity runners run as the worker host's user, not ${identity.label}: it cannot read ${unreadable.join(', ')}`);
  return null;
}

/** The host side of one custom activity: the call goes to a runner, its answer (or failure) comes back. */
function viaRunner(pool: ActivityRunnerPool, name: string, context: () => CallContext): ActivityFunction {
  return (...args) => pool.call(name, args, context());
}

/** Activities that refuse to run while the admin has switched custom activities off. */
function refusing(names: string[]): Record<string, ActivityFunction> {
  return Object.fromEntries(
    names.map((name) => [name, async () => Promise.reject(ApplicationFailure.retryable(customActivitiesOffMessage(name), 'CustomActivitiesOff'))]),
  );
}

/**
 * The custom activities of a deployment: written to its folder, loaded once in a runner (a module
 * that throws when imported, or lacks its function, fails here naming the activity), then served by
 * the deployment's runner pool. `context` is the Temporal activity context of a call (tests pass one).
 */
export async function loadCustomActivities(
  deploymentId: string,
  files: readonly StoredActivityFile[],
  context: () => CallContext = () => Context.current(),
): Promise<LoadedCustomActivities> {
  const compiled = files.flatMap((file) => {
    const match = COMPILED.exec(file.path);
    return match ? [{ name: match[1]!, contents: file.contents }] : [];
  });
  if (compiled.length === 0) return NOTHING;
  if (!customActivitiesEnabled()) return { activities: refusing(compiled.map((c) => c.name)), close: NOTHING.close };
  const dir = customActivitiesDir(deploymentId);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755); // readable by the runner's unprivileged user, writable by the host alone
  const now = new Date();
  utimesSync(dir, now, now); // in use: not swept (sweepCustomActivities)
  const modules = compiled.map(({ name, contents }) => {
    const path = join(dir, `${name}.mjs`);
    // Several hosts may share the folder: write whole files only, and only when different.
    if (!existsSync(path) || readFileSync(path, 'utf8') !== contents) {
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, contents, { mode: 0o644 });
      renameSync(temporary, path);
    }
    return { activity: name, file: path };
  });
  const pool = new ActivityRunnerPool(deploymentId, dir, modules, runnerLimits(), identityFor(dir));
  try {
    await pool.start();
  } catch (error) {
    await pool.close();
    if (error instanceof RunnerLoadError && error.activity) {
      throw new CustomActivityLoadError(
        error.activity,
        error.missingExport
          ? `custom activity ${error.activity} of deployment ${deploymentId} does not export a function named ${error.activity}`
          : `custom activity "${error.activity}" threw while loading: ${error.message}`,
      );
    }
    throw new Error(`the custom activity runner of deployment ${deploymentId} did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    activities: Object.fromEntries(modules.map(({ activity }) => [activity, viaRunner(pool, activity, context)])),
    close: () => pool.close(),
  };
}

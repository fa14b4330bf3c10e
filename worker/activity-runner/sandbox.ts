/**
 * Server-only (worker host). How an activity runner process is started: what it may read, who it
 * runs as, what it sees of the environment and how much memory it may use. The settings are the
 * admin's (docs/custom-activities.md); the defaults are safe.
 *
 * Node 20's permission model (--experimental-permission) is the file boundary: the runner reads
 * only its deployment's folder, its own script and the packages behind `@temporalio/activity`; it
 * writes nothing and may not start processes, worker threads or native addons. Network access is
 * not restricted by Node 20 (custom activities call services), so what keeps the database and
 * Temporal safe is that the runner has no credentials: its environment is built from nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '@/lib/paths';

export interface RunnerLimits {
  /** V8 heap limit (--max-old-space-size), MB; the host also stops a runner whose resident memory passes 1.5 × this. */
  memoryMb: number;
  /** The longest one call may run, whatever its start-to-close timeout (ms). */
  maxCallMs: number;
  /** Runner processes per deployment (calls beyond wait for one). */
  processes: number;
}

export interface RunnerIdentity {
  uid: number;
  gid: number;
  /** For the log: `nobody (65534:65534)`. */
  label: string;
}

const positive = (name: string, fallback: number, env: NodeJS.ProcessEnv): number => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(raw)}`);
  return value;
};

export function runnerLimits(env: NodeJS.ProcessEnv = process.env): RunnerLimits {
  return {
    memoryMb: positive('SIGNALBOX_CUSTOM_ACTIVITY_MEMORY_MB', 256, env),
    maxCallMs: positive('SIGNALBOX_CUSTOM_ACTIVITY_MAX_MS', 3_600_000, env),
    processes: positive('SIGNALBOX_CUSTOM_ACTIVITY_PROCESSES', 4, env),
  };
}

/** A user of /etc/passwd by name: its uid and gid. */
function passwdUser(name: string): { uid: number; gid: number } | null {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [user, , uid, gid] = line.split(':');
      if (user === name && uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // no /etc/passwd (not Linux): no user to switch to
  }
  return null;
}

/**
 * Who runners run as. SIGNALBOX_CUSTOM_ACTIVITY_USER: a user name, `uid:gid`, or `self` (the worker
 * host's own user). Unset: `nobody` when the worker host runs as root (so activity code cannot
 * signal or trace the host, or read what root alone may), else the host's user — an unprivileged
 * host cannot switch users. Null: run as the host's user.
 */
export function runnerIdentity(env: NodeJS.ProcessEnv = process.env): RunnerIdentity | null {
  const setting = env.SIGNALBOX_CUSTOM_ACTIVITY_USER?.trim();
  if (setting === 'self') return null;
  const isRoot = process.getuid?.() === 0;
  if (!setting) {
    if (!isRoot) return null;
    const nobody = passwdUser('nobody');
    return nobody ? { ...nobody, label: `nobody (${nobody.uid}:${nobody.gid})` } : null;
  }
  const numeric = /^(\d+):(\d+)$/.exec(setting);
  const user = numeric ? { uid: Number(numeric[1]), gid: Number(numeric[2]) } : passwdUser(setting);
  if (!user) throw new Error(`SIGNALBOX_CUSTOM_ACTIVITY_USER: no user named ${JSON.stringify(setting)} (a user name, uid:gid, or self)`);
  if (!isRoot) throw new Error(`SIGNALBOX_CUSTOM_ACTIVITY_USER=${setting} needs a worker host running as root (it switches users); use self or leave it unset`);
  return { ...user, label: `${setting} (${user.uid}:${user.gid})` };
}

/** Whether `identity` may read `path` (and pass through every folder above it), by mode bits. */
export function readableBy(identity: RunnerIdentity, path: string): boolean {
  const permits = (target: string, bits: number): boolean => {
    const stat = statSync(target);
    const shift = stat.uid === identity.uid ? 6 : stat.gid === identity.gid ? 3 : 0;
    return ((stat.mode >> shift) & bits) === bits;
  };
  try {
    if (!permits(path, statSync(path).isDirectory() ? 0o5 : 0o4)) return false;
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      if (!permits(dir, 0o1)) return false;
      if (dir === parse(dir).root) return true;
    }
  } catch {
    return false;
  }
}

export const RUNNER_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'child.mjs');

/** The folder of an installed package as Node would find it from `from` (walking up node_modules folders). */
function packageDir(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === parse(dir).root) return null;
  }
}

let packagesCache: string[] | null = null;

/**
 * The folders of `@temporalio/activity` and everything `@temporalio/common` needs at run time —
 * read-only, and nothing else of node_modules (so `import('pg')` is refused).
 */
export function activityApiPackages(): string[] {
  if (packagesCache) return packagesCache;
  const found = new Set<string>();
  const visit = (name: string, from: string) => {
    const dir = packageDir(name, from);
    if (!dir || found.has(dir)) return;
    found.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir);
  };
  const root = projectRoot();
  const activity = packageDir('@temporalio/activity', root);
  if (!activity) throw new Error('@temporalio/activity is not installed: custom activities cannot run');
  found.add(activity);
  visit('@temporalio/common', activity); // (its @temporalio/client dependency is for getClient(), which runners do not offer)
  packagesCache = [...found];
  return packagesCache;
}

/** Environment variables a runner gets, by name: locale and time zone. Nothing else of the host's. */
const PASSED_ON = ['LANG', 'LC_ALL', 'TZ'] as const;

export interface RunnerLaunch {
  execArgv: string[];
  env: Record<string, string>;
  cwd: string;
}

/** How to start a runner for the deployment folder `dir`. */
export function runnerLaunch(dir: string, limits: RunnerLimits, env: NodeJS.ProcessEnv = process.env): RunnerLaunch {
  const reads = [dir, RUNNER_SCRIPT, ...activityApiPackages()];
  const runnerEnv: Record<string, string> = {};
  for (const name of PASSED_ON) if (env[name]) runnerEnv[name] = env[name]!;
  // A private certificate authority for the services activities call: public, and read at start.
  if (env.NODE_EXTRA_CA_CERTS && existsSync(env.NODE_EXTRA_CA_CERTS)) {
    runnerEnv.NODE_EXTRA_CA_CERTS = env.NODE_EXTRA_CA_CERTS;
    reads.push(env.NODE_EXTRA_CA_CERTS);
  }
  return {
    execArgv: [
      '--experimental-permission',
      ...reads.map((path) => `--allow-fs-read=${path}`),
      `--max-old-space-size=${limits.memoryMb}`,
      '--disable-warning=ExperimentalWarning',
    ],
    env: runnerEnv,
    cwd: dir,
  };
}

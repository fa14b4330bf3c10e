// `next build` when the sources changed since the last build. Shared by the supervisor (step 5 of
// scripts/start.ts) and by the test runner, which builds for the e2e phase while the integration
// phase is still running (scripts/test.ts).
import { existsSync } from 'node:fs';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSourceHash } from './build-hash';
import { describeExit, formatDuration, runProcess } from './processes';

export type BuildOutcome = { ok: true; built: boolean; ms: number } | { ok: false; reason: string };

/** Builds `.next` unless its recorded source hash matches the sources; records the hash after a build. */
export async function buildIfNeeded(root: string, env: NodeJS.ProcessEnv, say: (line: string) => void): Promise<BuildOutcome> {
  return withBuildLock(root, say, () => buildUnlocked(root, env, say));
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One build at a time in a project directory: the test runner's build for e2e and a supervisor
 * started by an integration test would otherwise race, and `next build` refuses the second
 * ("Another next build process is already running"). The second waits, then finds the build up
 * to date. A lock left by a killed process (its pid is gone) is taken over.
 */
async function withBuildLock<T>(root: string, say: (line: string) => void, body: () => Promise<T>): Promise<T> {
  const lock = join(root, '.next-build.lock');
  let told = false;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      // No pid yet: its holder is between creating and writing it (unless that was long ago).
      const justCreated = !holder && Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? 0) < 5_000;
      if (justCreated) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      if (!holder || !isAlive(holder)) {
        await rm(lock, { force: true });
        continue;
      }
      if (!told) say(`build: waiting for another build (pid ${holder}) to finish …`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await body();
  } finally {
    await rm(lock, { force: true });
  }
}

async function buildUnlocked(root: string, env: NodeJS.ProcessEnv, say: (line: string) => void): Promise<BuildOutcome> {
  const nextDir = join(root, '.next');
  const hashFile = join(nextDir, 'signalbox-source-hash');
  const hash = await buildSourceHash(root, env);
  if (existsSync(join(nextDir, 'BUILD_ID'))) {
    const previous = await readFile(hashFile, 'utf8').catch(() => '');
    if (previous.trim() === hash) {
      say('build: up to date (sources unchanged since the last build)');
      return { ok: true, built: false, ms: 0 };
    }
  }
  say('build: next build …');
  const started = Date.now();
  const result = await runProcess('build', join(root, 'node_modules/.bin/next'), ['build'], { cwd: root, env });
  if (result.code !== 0) return { ok: false, reason: `next build ${describeExit(result)} (see the output above)` };
  await writeFile(hashFile, `${hash}\n`);
  const ms = Date.now() - started;
  say(`build: done in ${formatDuration(ms)}`);
  return { ok: true, built: true, ms };
}

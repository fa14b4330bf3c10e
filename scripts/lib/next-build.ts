// `next build` when the sources changed since the last build. Shared by the supervisor (step 5 of
// scripts/start.ts) and by the test runner, which builds for the e2e phase while the integration
// phase is still running (scripts/test.ts).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSourceHash } from './build-hash';
import { describeExit, formatDuration, runProcess } from './processes';

export type BuildOutcome = { ok: true; built: boolean; ms: number } | { ok: false; reason: string };

/** Builds `.next` unless its recorded source hash matches the sources; records the hash after a build. */
export async function buildIfNeeded(root: string, env: NodeJS.ProcessEnv, say: (line: string) => void): Promise<BuildOutcome> {
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

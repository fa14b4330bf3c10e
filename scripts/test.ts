// Signalbox test suite — what `npm test` runs (through scripts/bootstrap.mjs); CI runs it
// with CI=true on a fresh clone.
//
// Phases (each prints a header and its time; all run even when one fails):
//   lint         eslint .                                                (counts as 1 test)
//   typecheck    tsc --noEmit -p .                                       (counts as 1 test)
//   unit         every **/*.test.ts(x) except *.int.test.ts, outside node_modules/.next/.data*/e2e,
//                with `node --import tsx --test`
//   integration  every **/*.int.test.ts against a Temporal dev server (in-memory, free port) and a
//                real PostgreSQL (scripts/lib/postgres.ts), one file at a time. Env for the tests:
//                TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE=default, TEMPORAL_CLI, and TEST_DATABASE_URL
//                (absent when no PostgreSQL could be started — the reason is printed), and
//                SIGNALBOX_TEST_PYTHON: a virtualenv with tests/python/requirements.txt
//                (scripts/lib/python.ts; when it cannot be made the reason is printed and the tests
//                that call Signalbox from Python fail with it)
//   e2e          Playwright (playwright.config.ts starts the app with scripts/start.ts)
//
// The last line printed is exactly `N passed, M failed`; the exit code is 1 when M > 0 or a
// phase crashed.
//
// The integration phase runs beside lint, typecheck and unit (then the e2e build); e2e runs last,
// alone (see lanes() below; `--serial` runs one phase after another).
//
// Developers: `npm test -- --only unit,integration` (or `--skip e2e`) runs a subset; extra
// arguments after `--` are not passed on.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './lib/chromium';
import { buildIfNeeded } from './lib/next-build';
import { nodeFailures, playwrightFailures } from './lib/failures';
import { startTestPostgres } from './lib/postgres';
import { ensureTestPython } from './lib/python';
import { colorize, findFreePort, formatDuration, startProcess, withTimeout, type ManagedProcess } from './lib/processes';
import { ensureTemporalCli } from './lib/temporal-cli';
import { SIGNALBOX_SEARCH_ATTRIBUTES, startTemporalDevServer, type TemporalDevServer } from './lib/temporal-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PHASES = ['lint', 'typecheck', 'unit', 'integration', 'e2e'] as const;
type Phase = (typeof PHASES)[number];

interface PhaseResult {
  phase: Phase;
  passed: number;
  failed: number;
  /** The phase itself went wrong (crash, timeout, missing summary). */
  crashed: boolean;
  notes: string[];
  /** Failed tests with their first error line, repeated in the summary. */
  failures: string[];
  ms: number;
}

// ---------- arguments ----------
function parseSelection(argv: string[]): Set<Phase> {
  const pick = (value: string | undefined, flag: string): Phase[] => {
    const names = (value ?? '').split(',').map((name) => name.trim()).filter(Boolean);
    for (const name of names) {
      if (!(PHASES as readonly string[]).includes(name)) {
        process.stderr.write(`unknown phase "${name}" for ${flag}; phases: ${PHASES.join(', ')}\n`);
        process.exit(2);
      }
    }
    return names as Phase[];
  };
  let selected = new Set<Phase>(PHASES);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    if (flag === '--only' || flag === '--skip') {
      const value = inline ?? argv[++i];
      const names = pick(value, flag);
      selected = flag === '--only' ? new Set(names) : new Set([...selected].filter((phase) => !names.includes(phase)));
    }
  }
  return selected;
}

// ---------- helpers ----------
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const strip = (line: string) => line.replace(ansi, '');

const SKIP_DIRS = new Set(['node_modules', '.next', '.git', 'e2e', 'test-results', 'playwright-report', 'blob-report', '__golden__']);

async function findFiles(dir: string, accept: (name: string) => boolean, out: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.')) continue; // .data*, .cache, …
      await findFiles(path, accept, out);
    } else if (entry.isFile() && accept(entry.name)) {
      out.push(relative(root, path));
    }
  }
  return out.sort();
}

const isIntegrationTest = (name: string) => /\.int\.test\.tsx?$/.test(name);
const isUnitTest = (name: string) => /\.test\.tsx?$/.test(name) && !isIntegrationTest(name);

/** What runs now (two lanes may each run one): stopped on Ctrl-C. */
const running = new Set<ManagedProcess>();

/** Runs a command with prefixed output, killing it after `timeoutMs`. */
async function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number) {
  const output: string[] = [];
  const managed = startProcess(name, command, args, { cwd: root, env, onLine: (line) => output.push(line), quietOnStop: false });
  running.add(managed);
  const result = await withTimeout(managed.exited, timeoutMs, 'timeout' as const);
  running.delete(managed);
  if (result === 'timeout') {
    process.stdout.write(`[test] ${name} did not finish within ${formatDuration(timeoutMs)}: stopping it\n`);
    await managed.stop(10_000);
    return { code: null, signal: null, output, timedOut: true };
  }
  return { ...result, output, timedOut: false };
}

/** Reads `ℹ pass N` / `ℹ fail N` / `ℹ cancelled N` from the spec reporter's summary. */
function parseNodeSummary(output: string[]): { pass: number; fail: number; found: boolean } {
  let pass = 0;
  let fail = 0;
  let found = false;
  for (const raw of output) {
    const line = strip(raw).trim();
    const match = /^ℹ (pass|fail|cancelled) (\d+)$/.exec(line);
    if (!match) continue;
    found = true;
    const n = Number(match[2]);
    if (match[1] === 'pass') pass = n;
    else if (match[1] === 'fail') fail += n;
    else fail += n; // cancelled (e.g. a test timeout) counts as failed
  }
  return { pass, fail, found };
}

const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function baseEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
}

// ---------- phases ----------
async function lint(result: PhaseResult): Promise<void> {
  const r = await run('eslint', bin('eslint'), ['.'], baseEnv(), 5 * 60_000);
  if (r.code === 0) result.passed = 1;
  else {
    result.failed = 1;
    if (r.code !== 1) {
      result.crashed = true;
      result.notes.push(r.timedOut ? 'eslint timed out' : `eslint exited with code ${r.code}`);
    }
  }
}

async function typecheck(result: PhaseResult): Promise<void> {
  const r = await run('tsc', bin('tsc'), ['--noEmit', '-p', '.'], baseEnv(), 8 * 60_000);
  if (r.code === 0) result.passed = 1;
  else {
    result.failed = 1;
    if (r.timedOut) {
      result.crashed = true;
      result.notes.push('tsc timed out');
    }
  }
}

async function nodeTests(
  result: PhaseResult,
  name: string,
  files: string[],
  env: NodeJS.ProcessEnv,
  extraArgs: string[],
  timeoutMs: number,
): Promise<void> {
  if (files.length === 0) {
    result.notes.push('no test files found');
    return;
  }
  process.stdout.write(`[test] ${files.length} file(s):\n${files.map((file) => `  ${file}`).join('\n')}\n`);
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=180000', ...extraArgs, ...files];
  const r = await run(name, process.execPath, args, env, timeoutMs);
  const summary = parseNodeSummary(r.output);
  result.passed = summary.pass;
  result.failed = summary.fail;
  result.failures = nodeFailures(r.output.map(strip));
  if (r.timedOut) {
    result.crashed = true;
    result.notes.push(`timed out after ${formatDuration(timeoutMs)}`);
  } else if (!summary.found) {
    result.crashed = true;
    result.notes.push(`the test runner exited with code ${r.code} without a summary`);
  } else if (r.code !== 0 && summary.fail === 0) {
    result.crashed = true;
    result.notes.push(`the test runner exited with code ${r.code} although no test failed`);
  }
  if (result.crashed && result.failed === 0) result.failed = 1;
}

async function unit(result: PhaseResult): Promise<void> {
  const files = await findFiles(root, isUnitTest);
  // ~12 min on the shared 2-core machine (1,170 tests) beside the integration phase; the cap stops a
  // hung run, not a slow one.
  await nodeTests(result, 'unit', files, baseEnv(), [], 25 * 60_000);
}

const cleanups: Array<() => Promise<void>> = [];

async function integration(result: PhaseResult): Promise<void> {
  const files = await findFiles(root, isIntegrationTest);
  if (files.length === 0) {
    result.notes.push('no *.int.test.ts files found');
    return;
  }
  const env = baseEnv();
  delete env.TEMPORAL_ADDRESS;
  delete env.TEST_DATABASE_URL;
  env.TEMPORAL_NAMESPACE = 'default';

  let temporal: TemporalDevServer | undefined;
  const postgresPromise = startTestPostgres();
  const pythonPromise = ensureTestPython();
  try {
    const t = Date.now();
    const cli = await ensureTemporalCli();
    env.TEMPORAL_CLI = cli.path;
    temporal = await startTemporalDevServer({
      port: await findFreePort(),
      searchAttributes: SIGNALBOX_SEARCH_ATTRIBUTES,
      quiet: true,
      onProcess: (managed) => cleanups.push(() => managed.stop(15_000)),
    });
    env.TEMPORAL_ADDRESS = temporal.address;
    process.stdout.write(`[test] Temporal dev server (in-memory) on ${temporal.address}, ready in ${formatDuration(Date.now() - t)}\n`);
  } catch (error) {
    const reason = `no Temporal server: ${(error as Error).message}`;
    result.notes.push(reason);
    result.crashed = true;
    process.stdout.write(`[test] ${reason}\n`);
  }
  const postgres = await postgresPromise;
  if (postgres.ok) {
    cleanups.push(postgres.stop);
    env.TEST_DATABASE_URL = postgres.url;
    process.stdout.write(`[test] PostgreSQL: ${postgres.description}\n`);
  } else {
    const reason = `TEST_DATABASE_URL not set — no PostgreSQL: ${postgres.reason}`;
    result.notes.push(reason);
    process.stdout.write(`[test] ${reason}\n`);
  }

  const python = await pythonPromise;
  if (python.ok) {
    env.SIGNALBOX_TEST_PYTHON = python.python;
    process.stdout.write(`[test] Python: ${python.description}\n`);
  } else {
    result.notes.push(python.reason);
    process.stdout.write(`[test] ${python.reason}\n`);
  }

  try {
    // ~13 min alone, ~18 min beside the unit phase (fresh-clone run, 2 cores); the cap stops a hung
    // run, not a slow one.
    await nodeTests(result, 'integration', files, env, ['--test-concurrency=1'], 30 * 60_000);
  } finally {
    if (temporal) {
      const t = Date.now();
      await temporal.stop();
      process.stdout.write(`[test] Temporal dev server stopped (${formatDuration(Date.now() - t)})\n`);
    }
    if (postgres.ok) await postgres.stop();
    cleanups.length = 0;
  }
}

interface PlaywrightStats {
  expected?: number;
  unexpected?: number;
  flaky?: number;
  skipped?: number;
}

async function e2e(result: PhaseResult): Promise<void> {
  const specs = existsSync(join(root, 'e2e')) ? await findFilesIn(join(root, 'e2e'), (name) => /\.(spec|test)\.tsx?$/.test(name)) : [];
  if (specs.length === 0) {
    result.notes.push('no e2e specs found');
    return;
  }
  const chromium = await ensureChromium();
  if (!chromium.ok) {
    result.crashed = true;
    result.failed = 1;
    result.notes.push(chromium.reason);
    return;
  }
  const reportFile = join(root, 'playwright-report', 'results.json');
  await rm(reportFile, { force: true });
  // playwright.config.ts writes its JSON report to playwright-report/results.json.
  const r = await run('e2e', bin('playwright'), ['test'], baseEnv(), 35 * 60_000);

  let stats: PlaywrightStats | undefined;
  try {
    stats = (JSON.parse(await readFile(reportFile, 'utf8')) as { stats?: PlaywrightStats }).stats;
  } catch {
    /* fall back to the list reporter's summary */
  }
  if (stats) {
    result.passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
    result.failed = stats.unexpected ?? 0;
    if ((stats.flaky ?? 0) > 0) result.notes.push(`${stats.flaky} flaky (passed on retry)`);
  } else {
    for (const raw of r.output) {
      const line = strip(raw).trim();
      const passed = /^(\d+) passed\b/.exec(line);
      const failed = /^(\d+) failed\b/.exec(line);
      const flaky = /^(\d+) flaky\b/.exec(line);
      if (passed) result.passed = Number(passed[1]);
      if (failed) result.failed = Number(failed[1]);
      if (flaky) result.passed += Number(flaky[1]);
    }
  }
  result.failures = playwrightFailures(r.output.map(strip));
  if (r.timedOut) {
    result.crashed = true;
    result.notes.push('Playwright timed out');
  } else if (r.code !== 0 && result.failed === 0) {
    result.crashed = true;
    result.notes.push(`Playwright exited with code ${r.code} (web server failed to start?)`);
  }
  if (result.crashed && result.failed === 0) result.failed = 1;
}

async function findFilesIn(dir: string, accept: (name: string) => boolean, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') await findFilesIn(path, accept, out);
    else if (entry.isFile() && accept(entry.name)) out.push(relative(root, path));
  }
  return out;
}

const RUNNERS: Record<Phase, { title: string; run: (result: PhaseResult) => Promise<void> }> = {
  lint: { title: 'lint — eslint .', run: lint },
  typecheck: { title: 'typecheck — tsc --noEmit -p .', run: typecheck },
  unit: { title: 'unit tests — node --test (*.test.ts)', run: unit },
  integration: { title: 'integration tests — Temporal dev server + PostgreSQL (*.int.test.ts)', run: integration },
  e2e: { title: 'end-to-end — Playwright + Chromium (e2e/)', run: e2e },
};

// ---------- main ----------
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stdout.write(`\n[test] ${signal}: stopping…\n`);
    void (async () => {
      await Promise.all([...running].map((managed) => managed.stop(5_000)));
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      process.exit(1);
    })();
  });
}

async function runPhase(phase: Phase, index: number, total: number): Promise<PhaseResult> {
  const { title, run: runner } = RUNNERS[phase];
  const line = `━━━ [${index + 1}/${total}] ${title} `;
  process.stdout.write(`\n${colorize(line.padEnd(100, '━'), 1)}\n`);
  const result: PhaseResult = { phase, passed: 0, failed: 0, crashed: false, notes: [], failures: [], ms: 0 };
  const t = Date.now();
  try {
    await runner(result);
  } catch (error) {
    result.crashed = true;
    if (result.failed === 0) result.failed = 1;
    result.notes.push(`crashed: ${(error as Error).stack ?? String(error)}`);
  }
  result.ms = Date.now() - t;
  const status = result.crashed ? 'CRASHED' : result.failed > 0 ? 'FAILED' : 'ok';
  process.stdout.write(
    `${colorize(`[${phase}] ${status}: ${result.passed} passed, ${result.failed} failed in ${formatDuration(result.ms)}`, result.failed ? 31 : 32)}\n`,
  );
  for (const note of result.notes) process.stdout.write(`[${phase}] note: ${note}\n`);
  return result;
}

/**
 * Which phases run side by side. The checks that keep the CPU busy (lint, typecheck, unit, then the
 * e2e phase's `next build`) run beside the integration phase, which mostly waits on Temporal timers,
 * worker hosts and Python clients: the wait overlaps the CPU work (README, "Tests").
 * e2e runs last and alone, so that browser timings do not share the machine. `--serial` runs one
 * phase after another (the phases' own output is prefixed with their name either way).
 */
function lanes(phases: Phase[], serial: boolean): Array<{ phases: Phase[]; buildForE2e: boolean }[]> {
  if (serial) return phases.map((phase) => [{ phases: [phase], buildForE2e: false }]);
  const checks = phases.filter((phase) => phase !== 'integration' && phase !== 'e2e');
  const side = phases.filter((phase) => phase === 'integration');
  const wantsE2e = phases.includes('e2e');
  const first = [{ phases: checks, buildForE2e: wantsE2e }, { phases: side, buildForE2e: false }].filter((lane) => lane.phases.length > 0 || lane.buildForE2e);
  return [first, ...(wantsE2e ? [[{ phases: ['e2e' as Phase], buildForE2e: false }]] : [])];
}

async function buildForE2e(): Promise<void> {
  const say = (text: string) => process.stdout.write(`[build] ${text}\n`);
  // A failed build here is not a test result: the e2e phase's own start builds again and reports it.
  const outcome = await buildIfNeeded(root, baseEnv(), say).catch((error: unknown) => ({ ok: false as const, reason: String(error) }));
  if (!outcome.ok) say(`failed, the e2e phase will build again: ${outcome.reason}`);
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const selected = parseSelection(argv);
  const phases = PHASES.filter((phase) => selected.has(phase));
  const serial = argv.includes('--serial');
  const results: PhaseResult[] = [];
  const started = Date.now();
  for (const stage of lanes(phases, serial)) {
    await Promise.all(
      stage.map(async (lane) => {
        for (const phase of lane.phases) results.push(await runPhase(phase, phases.indexOf(phase), phases.length));
        if (lane.buildForE2e) await buildForE2e();
      }),
    );
  }
  results.sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));

  process.stdout.write(`\n${colorize('━━━ summary '.padEnd(100, '━'), 1)}\n`);
  for (const r of results) {
    const status = r.crashed ? 'CRASHED' : r.failed > 0 ? 'FAILED ' : 'ok     ';
    process.stdout.write(`  ${r.phase.padEnd(12)} ${status} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed  ${formatDuration(r.ms).padStart(10)}${r.notes.length ? `  (${r.notes.map((n) => n.split('\n')[0]).join('; ')})` : ''}\n`);
  }
  for (const r of results) {
    for (const failure of r.failures) process.stdout.write(`  ${colorize('✖', 31)} [${r.phase}] ${failure}\n`);
  }
  process.stdout.write(`  total time ${formatDuration(Date.now() - started)}\n\n`);
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 || results.some((r) => r.crashed) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[test] ${(error as Error).stack ?? String(error)}\n`);
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(1);
  },
);

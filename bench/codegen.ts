/**
 * Codegen benchmark: for generated designs of 10, 100 and 500 nodes, the median time of
 *   - parse + validate + emit (IR + templates) + format, stage by stage, and compileDesign end to end;
 *   - format three ways: prettier on each whole file (the reference the output must equal byte for
 *     byte), the piece cache cold (a design never seen: the cache is emptied before every run, so it
 *     is formatted whole and split into the cache afterwards, outside the timing) and
 *     the piece cache after one node was edited (a different edit of one node's field every run,
 *     what the live code view pays per keystroke);
 *   - verify = type-check + bundle: in a warm long-lived process (verify-cli --serve), with the SDK's
 *     default bundling and with the cached path worker/bundle.ts uses; and as a fresh
 *     `verify-cli <dir>` process per deploy (what a one-shot verifier pays);
 *   - esbuild bundling the same workflow, for reference only (see docs/benchmarks.md for why it is
 *     not adopted).
 * The in-process codegen stages get --warmup unmeasured runs first (a long-lived server compiles
 * designs warm); the first emit + format in a fresh process is measured apart
 * (bench/codegen-first-call.ts), since that is what a one-shot CLI export pays.
 * Usage: node --import tsx bench/codegen.ts [--runs N] [--warmup N] [--write | --codegen-only]   (--write updates docs/benchmarks.md)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCache, formatTypeScript, formatTypeScriptWhole } from '@/codegen/format';
import { lowerDesign } from '@/codegen/ir/lower';
import { renderWorkflow } from '@/codegen/emit/render';
import { parseDesign } from '@/codegen/parse';
import { compileDesign } from '@/codegen';
import type { Design } from '@/codegen/design';
import { validateDesign, type ValidatedDesign } from '@/codegen/validate';
import { typecheckFiles } from '@/codegen/verify';
import { bundleWorkflows } from '@/worker/bundle';
import { benchmarkDesign } from './codegen-designs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '10' },
    write: { type: 'boolean', default: false },
    /** Skip the verify columns (type-check, bundles, verify-cli processes): a quick look at codegen alone. */
    'codegen-only': { type: 'boolean', default: false },
  },
});
if (values.write && values['codegen-only']) throw new Error('--write needs the verify columns too: drop --codegen-only');
const RUNS = Math.max(1, Number(values.runs));
/** Unmeasured runs before each in-process codegen stage: prettier's code paths take several calls to get JIT-compiled. */
const WARMUP = Math.max(0, Number(values.warmup));
const SIZES = [10, 100, 500];
const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, '.data', 'bench-codegen');

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time and median CPU time of this process (CPU time is what a machine's load does not inflate). */
interface Timing {
  wall: number;
  cpu: number;
}

async function timeIt(runs: number, fn: () => unknown, warmup = 0): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function sum(a: Timing, b: Timing): Timing {
  return { wall: a.wall + b.wall, cpu: a.cpu + b.cpu };
}

interface Row {
  size: number;
  parse: Timing;
  validate: Timing;
  emit: Timing;
  /** Prettier on each whole file: the reference output. */
  formatWhole: Timing;
  /** The piece cache emptied before every run. */
  formatCold: Timing;
  /** The piece cache after one node's field was edited (a new edit every run). */
  formatEdited: Timing;
  emitFormatCold: Timing;
  emitFormatEdited: Timing;
  /** compileDesign end to end (parse + validate + emit + format) after one node was edited. */
  compileEdited: Timing;
  /** CPU of the first emit + format in a fresh process (median over several processes). */
  firstCall: Timing;
  typecheckWarm: Timing;
  bundleDefault: Timing;
  bundleCached: Timing;
  verifyWarm: Timing;
  /** A child process: wall time only. */
  verifySpawned: Timing;
  esbuild: Timing | null;
  generatedLines: number;
}

async function esbuildBundle(workflowsPath: string): Promise<(() => Promise<unknown>) | null> {
  try {
    const esbuild = (await import('esbuild')) as typeof import('esbuild');
    return () => esbuild.build({ entryPoints: [workflowsPath], bundle: true, write: false, format: 'cjs', platform: 'neutral', mainFields: ['main'], logLevel: 'silent' });
  } catch {
    return null;
  }
}

/** The flow's middle activity node: the one the "edited" runs change. */
function middleActivity(design: Design): string {
  const activities = design.nodes.filter((node) => node.type === 'activity');
  return activities[Math.floor(activities.length / 2)]!.id;
}

let editCounter = 0;
/** A copy of the design with one node's field edited (a text never used before), parsed and validated. */
function editedDesign(design: Design): { raw: Design; validated: ValidatedDesign } {
  const raw = structuredClone(design);
  const node = raw.nodes.find((n) => n.id === middleActivity(design));
  if (node?.type !== 'activity') throw new Error('no activity node to edit');
  node.args = { message: `"edit ${++editCounter}: " + note` };
  const parsed = parseDesign(raw);
  if (!parsed.ok) throw new Error('parse failed');
  const { validated } = validateDesign(parsed.design);
  if (!validated) throw new Error('validate failed');
  return { raw, validated };
}

/** Runs fn on the next of `count` prepared inputs each call (so that no run repeats an earlier one). */
function sequence<T>(count: number, make: () => T, fn: (input: T) => unknown): () => unknown {
  const inputs = Array.from({ length: count }, make);
  let next = 0;
  return () => fn(inputs[next++]!);
}

const formatAll = (files: Array<{ contents: string }>) => Promise.all(files.map((file) => formatTypeScript(file.contents)));

async function measure(size: number): Promise<Row> {
  const design = benchmarkDesign(size);
  const compiled = await compileDesign(design); // also warms up every stage
  if (!compiled.ok) throw new Error(`benchmark design ${size} does not compile: ${JSON.stringify(compiled.diagnostics.slice(0, 3))}`);

  const parsed = parseDesign(design);
  if (!parsed.ok) throw new Error('parse failed');
  const { validated } = validateDesign(parsed.design);
  if (!validated) throw new Error('validate failed');
  const rendered = renderWorkflow(lowerDesign(validated));

  const dir = join(WORK, String(size));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of compiled.files) writeFileSync(join(dir, file.path), file.contents);
  const workflowsPath = join(dir, 'workflows.ts');
  const files = compiled.files.map((f) => f.path);

  // The piece cache must give prettier's own output, and an edit must re-format one piece in place.
  for (const file of rendered) {
    formatCache.clear();
    if ((await formatTypeScript(file.contents)) !== (await formatTypeScriptWhole(file.contents))) throw new Error(`the piece cache formats ${file.path} differently`);
  }
  await formatAll(rendered);
  await formatCache.settled(); // the design as opened is split into the cache after its answer
  const probe = renderWorkflow(lowerDesign(editedDesign(design).validated)).find((f) => f.path === 'workflows.ts')!;
  if ((await formatTypeScript(probe.contents)) !== (await formatTypeScriptWhole(probe.contents))) throw new Error('the piece cache formats an edit differently');
  if (!formatCache.lastStats.editedInPlace || formatCache.lastStats.piecesFormatted !== 1) throw new Error(`an edit was not formatted in place: ${JSON.stringify(formatCache.lastStats)}`);

  const perStage = RUNS + WARMUP;
  const emitCold = () => {
    formatCache.clear();
    return formatAll(renderWorkflow(lowerDesign(validated)));
  };
  const row: Row = {
    size,
    parse: await timeIt(RUNS, () => parseDesign(design), WARMUP),
    validate: await timeIt(RUNS, () => validateDesign(parsed.design), WARMUP),
    emit: await timeIt(RUNS, () => renderWorkflow(lowerDesign(validated)), WARMUP),
    formatWhole: await timeIt(RUNS, () => Promise.all(rendered.map((file) => formatTypeScriptWhole(file.contents))), WARMUP),
    formatCold: await timeIt(RUNS, () => {
      formatCache.clear();
      return formatAll(rendered);
    }, WARMUP),
    formatEdited: { wall: 0, cpu: 0 },
    emitFormatCold: await timeIt(RUNS, emitCold, WARMUP),
    emitFormatEdited: { wall: 0, cpu: 0 },
    compileEdited: { wall: 0, cpu: 0 },
    firstCall: { wall: 0, cpu: 0 },
    typecheckWarm: { wall: 0, cpu: 0 },
    bundleDefault: { wall: 0, cpu: 0 },
    bundleCached: { wall: 0, cpu: 0 },
    verifyWarm: { wall: 0, cpu: 0 },
    verifySpawned: { wall: 0, cpu: 0 },
    esbuild: null,
    generatedLines: compiled.files.reduce((n, f) => n + f.contents.split('\n').length, 0),
  };
  await formatAll(rendered); // the design as opened, then one edit after another
  await formatCache.settled();
  row.formatEdited = await timeIt(RUNS, sequence(perStage, () => renderWorkflow(lowerDesign(editedDesign(design).validated)), formatAll), WARMUP);
  row.emitFormatEdited = await timeIt(RUNS, sequence(perStage, () => editedDesign(design).validated, (edited) => formatAll(renderWorkflow(lowerDesign(edited)))), WARMUP);
  row.compileEdited = await timeIt(RUNS, sequence(perStage, () => editedDesign(design).raw, (edited) => compileDesign(edited)), WARMUP);
  row.firstCall = firstCall(size, Math.max(3, Math.ceil(RUNS / 2)));
  if (values['codegen-only']) return row;

  const verifyRuns = Math.max(3, Math.ceil(RUNS / 2));
  typecheckFiles({ dir, files }); // warm: parses the SDK's .d.ts once, as a long-lived verifier would have
  row.typecheckWarm = await timeIt(verifyRuns, () => {
    const diagnostics = typecheckFiles({ dir, files });
    if (diagnostics.length) throw new Error(diagnostics[0]!.message);
  });
  await bundleWorkflows({ workflowsPath, cache: false });
  row.bundleDefault = await timeIt(verifyRuns, () => bundleWorkflows({ workflowsPath, cache: false }));
  await bundleWorkflows({ workflowsPath });
  row.bundleCached = await timeIt(verifyRuns, () => bundleWorkflows({ workflowsPath }));
  row.verifyWarm = sum(row.typecheckWarm, row.bundleCached);
  row.verifySpawned = await timeIt(verifyRuns, () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'worker/verify-cli.ts', dir], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`verify-cli failed: ${run.stdout}${run.stderr}`);
  });
  const esbuild = await esbuildBundle(workflowsPath);
  if (esbuild) {
    await esbuild();
    row.esbuild = await timeIt(verifyRuns, esbuild);
  }
  return row;
}

/** Median CPU of emit + format as the first call of fresh processes (wall is the child's own CPU too: it is not timed from here). */
function firstCall(size: number, processes: number): Timing {
  const samples: number[] = [];
  for (let i = 0; i < processes; i++) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/codegen-first-call.ts', String(size)], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`codegen-first-call failed: ${run.stdout}${run.stderr}`);
    const { emit, format } = JSON.parse(run.stdout) as { emit: number; format: number };
    samples.push(emit + format);
  }
  const cpu = median(samples);
  return { wall: cpu, cpu };
}

const num = (n: number) => (n < 10 ? n.toFixed(1) : String(Math.round(n)));
/** "wall (cpu)" */
const ms = (t: Timing | null, wallOnly = false) => (t === null ? 'n/a' : wallOnly ? num(t.wall) : `${num(t.wall)} (${num(t.cpu)})`);

function table(rows: Row[]): string {
  const lines = [
    '| Nodes | Generated lines | parse | validate | emit | format: prettier, whole files (reference) | format: piece cache, cold | format: piece cache, one node edited | **emit + format, cold** | **emit + format, one node edited** | emit + format, first call in a fresh process (CPU) | compileDesign, one node edited | type-check (warm) | bundle: SDK default | bundle: cached (adopted) | **verify, warm process** | verify, fresh process | esbuild (reference) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.size} | ${r.generatedLines} | ${ms(r.parse)} | ${ms(r.validate)} | ${ms(r.emit)} | ${ms(r.formatWhole)} | ${ms(r.formatCold)} | ${ms(r.formatEdited)} | **${ms(r.emitFormatCold)}** | **${ms(r.emitFormatEdited)}** | ${num(r.firstCall.cpu)} | ${ms(r.compileEdited)} | ` +
        `${ms(r.typecheckWarm)} | ${ms(r.bundleDefault)} | ${ms(r.bundleCached)} | **${ms(r.verifyWarm)}** | ${ms(r.verifySpawned, true)} | ${ms(r.esbuild)} |`,
    );
  }
  return lines.join('\n');
}

mkdirSync(WORK, { recursive: true });
const rows: Row[] = [];
for (const size of SIZES) {
  rows.push(await measure(size));
  console.error(`[bench] ${size} nodes done`);
}
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the end`;
const result =
  `Times in ms as "wall (CPU of this process)", median of ${RUNS} runs after ${WARMUP} unmeasured warm-up runs for the codegen stages (verify columns: ${Math.max(3, Math.ceil(RUNS / 2))} runs; ` +
  `"fresh process" is wall time of a child process). "Cold": the piece cache is emptied before every run (a design never formatted before: formatted whole, split into the cache on a later turn of the event loop, untimed); ` +
  `"one node edited": every run formats the design with a different new text in one activity node's argument, after the unedited design (what the code view pays per keystroke). ${machine}.\n\n${table(rows)}`;
console.log(result);

if (values.write) {
  const docs = join(ROOT, 'docs', 'benchmarks.md');
  const current = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
  const marker = /<!-- codegen-bench:start -->[\s\S]*<!-- codegen-bench:end -->/;
  const block = `<!-- codegen-bench:start -->\n${result}\n<!-- codegen-bench:end -->`;
  if (!marker.test(current)) throw new Error('docs/benchmarks.md has no codegen-bench markers in its Codegen section');
  writeFileSync(docs, current.replace(marker, block));
  console.error('[bench] docs/benchmarks.md updated');
}

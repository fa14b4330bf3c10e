import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileDesign, type Diagnostic } from '@/codegen';
import { exportProject } from '@/codegen/export';

const USAGE = `Usage: signalbox <command> [options]

Commands:
  validate <design.json>              Check a design; exits 1 when it has errors
  generate <design.json> --out <dir>  Write the generated TypeScript (shared.ts, workflows.ts, step-tracking.ts, activities.ts)
  export <design.json> --out <dir>    Write a standalone Temporal project (worker, typed client, test, README);
                                      then: cd <dir> && npm ci && npm test

Options:
  --force    export: write into a folder that is not empty (overwrites the exported files)
  --json     Print diagnostics as JSON
  --help     Show this help`;

const COMMANDS = ['validate', 'generate', 'export'];

const MAX_DESIGN_BYTES = 5 * 1024 * 1024;

/** Runs the CLI; returns the process exit code. */
export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, json: { type: 'boolean' }, force: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, file, ...extra] = parsed.positionals;
  if (parsed.values.help || !command) {
    out(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  if (!COMMANDS.includes(command)) {
    err(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  if (!file || extra.length > 0) {
    err(`${command} takes exactly one design file.\n\n${USAGE}`);
    return 2;
  }
  if (command !== 'validate' && !parsed.values.out) {
    err(`${command} needs --out <dir>, the folder to write the ${command === 'export' ? 'project' : 'generated files'} to.`);
    return 2;
  }
  if (command === 'export') return exportCommand(file, resolve(parsed.values.out!), { force: Boolean(parsed.values.force), json: Boolean(parsed.values.json) }, out, err);

  const design = readDesign(file);
  if ('error' in design) {
    err(design.error);
    return 1;
  }
  const result = await compileDesign(design.json);
  if (parsed.values.json) out(JSON.stringify({ ok: result.ok, diagnostics: result.diagnostics }, null, 2));
  else for (const d of result.diagnostics) (d.severity === 'error' ? err : out)(formatDiagnostic(file, d));
  if (!result.ok) {
    if (!parsed.values.json) err(`${file}: ${count(result.diagnostics, 'error')}, ${count(result.diagnostics, 'warning')}`);
    return 1;
  }
  if (command === 'validate') {
    if (!parsed.values.json) out(`${file}: valid (${count(result.diagnostics, 'warning')})`);
    return 0;
  }
  const dir = resolve(parsed.values.out!);
  mkdirSync(dir, { recursive: true });
  for (const generated of result.files) {
    // Custom activities go into a subfolder (activities/<name>.ts).
    mkdirSync(dirname(join(dir, generated.path)), { recursive: true });
    writeFileSync(join(dir, generated.path), generated.contents);
  }
  if (!parsed.values.json) out(`Wrote ${result.files.map((f) => f.path).join(', ')} to ${dir}`);
  return 0;
}

/** `export`: the design as a standalone project in `dir`, which must be new or empty unless forced. */
async function exportCommand(
  file: string,
  dir: string,
  options: { force: boolean; json: boolean },
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (!options.force && existsSync(dir) && readdirSync(dir).length > 0) {
    err(`${dir} is not empty; choose a new folder, or pass --force to overwrite the exported files in it.`);
    return 1;
  }
  const design = readDesign(file);
  if ('error' in design) {
    err(design.error);
    return 1;
  }
  const result = await exportProject(design.json);
  if (options.json) out(JSON.stringify({ ok: result.ok, diagnostics: result.diagnostics, files: result.files.map((f) => f.path) }, null, 2));
  else for (const d of result.diagnostics) (d.severity === 'error' ? err : out)(formatDiagnostic(file, d));
  if (!result.ok) {
    if (!options.json) err(`${file}: ${count(result.diagnostics, 'error')}, ${count(result.diagnostics, 'warning')}; nothing exported`);
    return 1;
  }
  for (const exported of result.files) {
    const target = join(dir, exported.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, exported.contents);
  }
  if (!options.json) {
    out(`Exported ${result.projectName} (${result.files.length} files) to ${dir}`);
    out(`Next: cd ${dir} && npm ci && npm test   (the tests run on Temporal's time-skipping test server, fetched by the SDK on first use)`);
  }
  return 0;
}

function readDesign(file: string): { json: unknown } | { error: string } {
  let text: string;
  try {
    if (statSync(file).size > MAX_DESIGN_BYTES) return { error: `${file}: the design file is larger than 5 MB` };
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { error: `${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  try {
    return { json: JSON.parse(text) };
  } catch (e) {
    return { error: `${file}: not valid JSON (${(e as Error).message})` };
  }
}

function formatDiagnostic(file: string, d: Diagnostic): string {
  const where = [d.nodeId && `node ${d.nodeId}`, d.activity && `activity ${d.activity}`, d.edgeId && `edge ${d.edgeId}`, d.field && `field ${d.field}`].filter(Boolean).join(', ');
  return `${file}: ${d.severity}${where ? ` [${where}]` : ''}: ${d.message}`;
}

function count(diagnostics: Diagnostic[], severity: Diagnostic['severity']): string {
  const n = diagnostics.filter((d) => d.severity === severity).length;
  return `${n} ${severity}${n === 1 ? '' : 's'}`;
}

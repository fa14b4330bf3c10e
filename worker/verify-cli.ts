/**
 * Verifies generated files in a build directory, in its own process (it loads webpack and the
 * TypeScript compiler; Next.js never imports it):
 *   node --import tsx worker/verify-cli.ts <dir>
 * 1. type-checks the files against the real @temporalio/* types (codegen/verify/typecheck.ts);
 * 2. bundles <dir>/workflows.ts with bundleWorkflowCode.
 * Writes <dir>/bundle.js when both pass, and always <dir>/verify.json:
 *   { ok, stage: 'typecheck' | 'bundle' | 'done', diagnostics, ms: { typecheck, bundle } }.
 * Exits 0 when ok, 1 when verification failed, 2 on bad usage.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../codegen/diagnostics';
import { typecheckFiles } from '../codegen/verify/typecheck';
import { bundleWorkflows } from './bundle';

export interface VerifyReport {
  ok: boolean;
  stage: 'typecheck' | 'bundle' | 'done';
  diagnostics: Diagnostic[];
  ms: { typecheck: number; bundle: number };
}

/** The .ts files of the build directory, relative to it. */
function listFiles(dir: string, base = dir): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...listFiles(full, base));
    else if (name.endsWith('.ts')) files.push(relative(base, full));
  }
  return files;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function verify(dir: string): Promise<VerifyReport> {
  const report: VerifyReport = { ok: false, stage: 'typecheck', diagnostics: [], ms: { typecheck: 0, bundle: 0 } };
  const files = listFiles(dir);

  let started = Date.now();
  try {
    report.diagnostics.push(...typecheckFiles({ dir, files }));
  } catch (error) {
    report.diagnostics.push({ severity: 'error', code: 'verify.typecheck-crashed', message: `The type check could not run: ${message(error)}` });
  }
  report.ms.typecheck = Date.now() - started;
  if (report.diagnostics.some((d) => d.severity === 'error')) return report;

  report.stage = 'bundle';
  started = Date.now();
  try {
    const { code } = await bundleWorkflows({ workflowsPath: join(dir, 'workflows.ts') });
    writeFileSync(join(dir, 'bundle.js'), code);
  } catch (error) {
    report.diagnostics.push({ severity: 'error', code: 'verify.bundle-failed', message: `The workflow code could not be bundled: ${message(error)}` });
    report.ms.bundle = Date.now() - started;
    return report;
  }
  report.ms.bundle = Date.now() - started;
  report.stage = 'done';
  report.ok = true;
  return report;
}

const dirArg = process.argv[2];
if (!dirArg) {
  console.error('usage: node --import tsx worker/verify-cli.ts <build-dir>');
  process.exit(2);
}
const dir = resolve(dirArg);
const report = await verify(dir);
writeFileSync(join(dir, 'verify.json'), JSON.stringify(report, null, 2));
console.log(`[verify] ${report.ok ? 'ok' : `failed at ${report.stage}`} (typecheck ${report.ms.typecheck} ms, bundle ${report.ms.bundle} ms)`);
process.exit(report.ok ? 0 : 1);

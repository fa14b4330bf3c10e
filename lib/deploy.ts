/**
 * Server-only. The deploy pipeline: load a design version → compile → write the files to a build
 * directory → verify (type-check + bundle) in a separate process → record the deployment. The
 * worker hosts pick new deployments up from the database within a couple of seconds.
 * Older deployments of the design stay active: running executions keep their version, new
 * executions start on the newest deployment.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { compileDesign } from '../codegen/pipeline';
import type { Diagnostic } from '../codegen/diagnostics';
import { createDeployment, getLatestVersion, getVersion, newDeploymentId, type DeploymentSummary } from '../db/repository';
import type { VerifyReport } from '../worker/verify-cli';
import { NotFoundError } from './errors';
import { buildsDir, projectRoot } from './paths';

const VERIFY_TIMEOUT_MS = 180_000;

export type DeployStage = 'validate' | 'typecheck' | 'bundle' | 'verify';

export interface DeployTimings {
  compile: number;
  typecheck: number;
  bundle: number;
  /** The verify process, start to exit (includes loading TypeScript and webpack). */
  verify: number;
  total: number;
}

export type DeployResult =
  | { ok: true; deployment: DeploymentSummary; timings: DeployTimings }
  | { ok: false; stage: DeployStage; diagnostics: Diagnostic[]; timings: Partial<DeployTimings> };


function runVerify(dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('worker', 'verify-cli.ts'), dir], {
      cwd: projectRoot(),
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), VERIFY_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function verifyFailure(message: string): Diagnostic[] {
  return [{ severity: 'error', code: 'verify.failed', message }];
}

export async function deployDesignVersion({ designId, version }: { designId: string; version?: number }): Promise<DeployResult> {
  const started = Date.now();
  const row = version === undefined ? await getLatestVersion({ id: designId }) : await getVersion({ id: designId, version });
  if (!row) {
    throw new NotFoundError(
      version === undefined ? `Design ${designId} not found` : `Version ${version} of design ${designId} not found`,
      version === undefined ? 'design.not-found' : 'version.not-found',
    );
  }

  const compiled = await compileDesign(row.design);
  const compileMs = Date.now() - started;
  if (!compiled.ok || !compiled.workflowType) {
    return { ok: false, stage: 'validate', diagnostics: compiled.diagnostics, timings: { compile: compileMs, total: Date.now() - started } };
  }

  const deploymentId = newDeploymentId();
  const dir = join(buildsDir(), deploymentId);
  let keep = false;
  try {
    for (const file of compiled.files) {
      const target = join(dir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    const verifyStarted = Date.now();
    const run = await runVerify(dir);
    const verifyMs = Date.now() - verifyStarted;
    let report: VerifyReport | null = null;
    try {
      report = JSON.parse(await readFile(join(dir, 'verify.json'), 'utf8')) as VerifyReport;
    } catch {
      report = null;
    }
    const timings = {
      compile: compileMs,
      typecheck: report?.ms.typecheck ?? 0,
      bundle: report?.ms.bundle ?? 0,
      verify: verifyMs,
    };
    if (!report) {
      const tail = run.output.trim().split('\n').slice(-15).join('\n');
      return {
        ok: false,
        stage: 'verify',
        diagnostics: verifyFailure(`The verification process ended (exit code ${run.code}) without a report:\n${tail}`),
        timings: { ...timings, total: Date.now() - started },
      };
    }
    if (!report.ok || run.code !== 0) {
      const stage = report.stage === 'done' ? 'verify' : report.stage;
      const diagnostics = report.diagnostics.length ? report.diagnostics : verifyFailure(`Verification failed (exit code ${run.code})`);
      return { ok: false, stage, diagnostics, timings: { ...timings, total: Date.now() - started } };
    }
    const bundle = await readFile(join(dir, 'bundle.js'), 'utf8');
    const { bundle: _bundle, ...deployment } = await createDeployment({
      id: deploymentId,
      designId,
      version: row.version,
      workflowType: compiled.workflowType,
      files: compiled.files.map(({ path, contents }) => ({ path, contents })),
      bundle,
    });
    keep = true;
    return { ok: true, deployment, timings: { ...timings, total: Date.now() - started } };
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

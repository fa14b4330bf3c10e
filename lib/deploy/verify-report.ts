/**
 * What verifying a build reports (worker/verify-cli.ts writes it as verify.json and on its
 * --serve protocol; lib/deploy/verifier.ts and lib/deploy/pipeline.ts read it), and how its two halves
 * make one. Here so that lib/ never imports worker/ (docs/architecture.md, rule lib-below-worker).
 */
import 'server-only';
import type { Diagnostic } from '@/codegen/design';

/** Replaying the histories of running executions against a new bundle (worker/replay.ts). */
export interface ReplayReport {
  checked: number;
  incompatible: { workflowId: string; runId: string; message: string }[];
}

export interface VerifyReport {
  ok: boolean;
  stage: 'typecheck' | 'bundle' | 'done';
  diagnostics: Diagnostic[];
  ms: { typecheck: number; bundle: number; replay: number };
  /** Present when histories were given to replay. */
  replay?: ReplayReport;
}

/**
 * One report from the two halves of a verification (the type check; the bundle and replay check),
 * as a one-shot run would have reported it: a type error wins over whatever the bundle did (code
 * that does not type-check is refused for that reason first); times from both halves.
 */
export function mergeReports(typecheck: VerifyReport, build: VerifyReport): VerifyReport {
  const ms = { typecheck: typecheck.ms.typecheck, bundle: build.ms.bundle, replay: build.ms.replay };
  if (!typecheck.ok) return { ok: false, stage: 'typecheck', diagnostics: typecheck.diagnostics, ms };
  if (!build.ok) return { ok: false, stage: build.stage === 'done' ? 'bundle' : build.stage, diagnostics: [...typecheck.diagnostics, ...build.diagnostics], ms };
  return { ok: true, stage: 'done', diagnostics: [...typecheck.diagnostics, ...build.diagnostics], ms, ...(build.replay ? { replay: build.replay } : {}) };
}

/**
 * What verifying a build reports (worker/verify-cli.ts writes it as verify.json and on its
 * --serve protocol; lib/deploy/verifier.ts and lib/deploy/pipeline.ts read it). Types only, here so that lib/
 * never imports worker/ (docs/architecture.md, rule lib-below-worker).
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

/**
 * The messages between the deploy pipeline and its verifier process (worker/verify-cli.ts,
 * started with `child_process.fork`): structured IPC messages, so stdout and stderr stay free for logs.
 *   parent → child: VerifyRequest (warm `--serve` mode: verify this build directory, or one part of it)
 *   child → parent: VerifyProgress (one-shot mode: a stage started or ended), VerifyAnswer (`--serve`: the report)
 */
import 'server-only';
import { join } from 'node:path';
import type { VerifyReport } from './verify-report';

/** The verifier's entry point, relative to the project root (run with tsx as the loader). */
export const VERIFY_CLI = join('worker', 'verify-cli.ts');

/**
 * What a warm verifier does with a build directory: everything, or one of the two independent halves
 * the deploy runs side by side in two warm processes (lib/deploy/verifier.ts): the type check (with
 * the custom activities' compilation) and the build (bundle, then the replay check against it).
 */
export type VerifyPart = 'all' | 'typecheck' | 'build';

export interface VerifyRequest {
  type: 'verify';
  /** An absolute build directory. */
  dir: string;
  /** Default 'all'. Only 'all' writes verify.json; a part answers with its half of the report. */
  part?: VerifyPart;
}

export interface VerifyProgress {
  type: 'progress';
  stage: 'typecheck' | 'bundle' | 'replay';
  state: 'running' | 'done' | 'failed' | 'skipped' | 'warning';
  ms?: number;
  message?: string;
}

export interface VerifyAnswer {
  type: 'report';
  /** The build directory of the request answered. */
  dir: string;
  report: VerifyReport;
}

export type VerifierMessage = VerifyProgress | VerifyAnswer;

function hasType(value: unknown): value is { type: unknown } {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/** Messages arrive as plain deserialized values: each side checks what it receives. */
export function isVerifyRequest(value: unknown): value is VerifyRequest {
  if (!hasType(value) || value.type !== 'verify') return false;
  const { dir, part } = value as { dir?: unknown; part?: unknown };
  return typeof dir === 'string' && (part === undefined || part === 'all' || part === 'typecheck' || part === 'build');
}

export function isVerifierMessage(value: unknown): value is VerifierMessage {
  if (!hasType(value)) return false;
  if (value.type === 'progress') return typeof (value as { stage?: unknown }).stage === 'string';
  return value.type === 'report' && typeof (value as { dir?: unknown }).dir === 'string' && typeof (value as { report?: unknown }).report === 'object';
}

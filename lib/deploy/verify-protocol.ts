/**
 * The messages between the deploy pipeline and its verifier process (worker/verify-cli.ts,
 * started with `child_process.fork`): structured IPC messages, so stdout and stderr stay free for logs.
 *   parent → child: VerifyRequest (warm `--serve` mode: verify this build directory)
 *   child → parent: VerifyProgress (one-shot mode: a stage started or ended), VerifyAnswer (`--serve`: the report)
 */
import 'server-only';
import { join } from 'node:path';
import type { VerifyReport } from './verify-report';

/** The verifier's entry point, relative to the project root (run with tsx as the loader). */
export const VERIFY_CLI = join('worker', 'verify-cli.ts');

export interface VerifyRequest {
  type: 'verify';
  /** An absolute build directory. */
  dir: string;
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
  return hasType(value) && value.type === 'verify' && typeof (value as { dir?: unknown }).dir === 'string';
}

export function isVerifierMessage(value: unknown): value is VerifierMessage {
  if (!hasType(value)) return false;
  if (value.type === 'progress') return typeof (value as { stage?: unknown }).stage === 'string';
  return value.type === 'report' && typeof (value as { dir?: unknown }).dir === 'string' && typeof (value as { report?: unknown }).report === 'object';
}

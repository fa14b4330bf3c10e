/** The process form's save: create (POST) or edit (PUT), with the deploy's progress as it comes. */
import type { SpecIssue } from '@/lib/approvals/spec';
import { deployWithProgress, type DeployProgressLine } from '../../execution/monitor-api';
import { ApprovalsApiError } from '../api';

const STAGE_WORDS: Record<DeployProgressLine['stage'], string> = {
  validate: 'Checking the design',
  generate: 'Generating the code',
  typecheck: 'Type-checking',
  bundle: 'Bundling',
  replay: 'Checking against running requests',
  'start-worker': 'Starting a worker',
  verify: 'Verifying',
};

export interface SavedProcess {
  id: string;
  name: string;
  designId: string;
}

export interface SaveAnswer {
  process: SavedProcess;
  deployment: { id: string; version: number };
  /** Edits only: the design version saved (or redeployed when nothing changed). */
  version?: number;
  saved?: boolean;
}

/** A refusal; `process` when the process was made (or saved) but its deploy failed. */
export class SaveRefusal extends ApprovalsApiError {
  constructor(message: string, status: number, issues: SpecIssue[], field: string | undefined, readonly process: SavedProcess | undefined) {
    super(message, status, issues, field);
  }
}

/** Create or edit; a refusal as SaveRefusal, a network failure as ApprovalsApiError with status 0. */
export async function saveWithProgress(path: string, method: 'POST' | 'PUT', body: Record<string, unknown>, onStage: (text: string) => void): Promise<SaveAnswer> {
  let answer: Awaited<ReturnType<typeof deployWithProgress>>;
  try {
    answer = await deployWithProgress(path, body, (line) => line.state === 'running' && onStage(`${STAGE_WORDS[line.stage]}…`), method);
  } catch (error) {
    throw new ApprovalsApiError(error instanceof Error ? error.message : String(error), 0);
  }
  if (answer.status < 400) return answer.body as SaveAnswer;
  const refusal = (answer.body ?? {}) as { error?: { message?: string; field?: string }; issues?: SpecIssue[]; process?: SavedProcess };
  throw new SaveRefusal(refusal.error?.message ?? `The server answered ${answer.status}`, answer.status, refusal.issues ?? [], refusal.error?.field, refusal.process);
}

/**
 * A key for one submission of the create form (the server makes one process per key): random, made
 * when the form opens and again after each create. randomUUID needs a secure context; plain
 * http on a LAN address has only getRandomValues.
 */
export function newSubmissionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

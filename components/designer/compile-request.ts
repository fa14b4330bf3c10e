import type { Design } from '@/codegen/design';
import { diffDesign } from '@/lib/designs/patch';
import { ApiError } from '../api/client';
import type { CompileRequestBody, CompileResult } from '../api/types';

/** The last request of this editor the server answered: the server keeps that design as a base. */
export interface AnsweredRequest {
  seq: number;
  design: Design;
}

/** Only the change when the server has a base for it, else the whole design. */
export function compileRequestBody(editor: string, seq: number, design: Design, answered: AnsweredRequest | null): CompileRequestBody {
  if (!answered) return { editor, seq, design };
  return { editor, seq, base: answered.seq, patch: diffDesign(answered.design, design) };
}

/**
 * Sends the change when the server has a base for it; when it answers that it no longer has the
 * base (it restarted, or another instance answered), sends the whole design instead.
 */
export async function requestCompile(
  send: (body: CompileRequestBody) => Promise<CompileResult>,
  editor: string,
  seq: number,
  design: Design,
  answered: AnsweredRequest | null,
): Promise<CompileResult> {
  try {
    return await send(compileRequestBody(editor, seq, design, answered));
  } catch (err) {
    if (answered && err instanceof ApiError && err.code === 'compile.base-unknown') return send({ editor, seq, design });
    throw err;
  }
}

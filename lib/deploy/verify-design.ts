/**
 * "Check" for the designer: a design as drawn goes through the same verification as a
 * deploy (compile, then type-check with the custom activities' code and bundle in the warm
 * verifier, lib/deploy/verifier.ts), and nothing is stored or started. It answers with what a deploy would
 * refuse, e.g. a type error at its line in a custom activity's source.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '@/codegen/design';
import { compileDesign } from '@/codegen';
import { buildsDir } from '../paths';
import { verifyWarm } from './verifier';

export interface DesignCheck {
  ok: boolean;
  /** Where it stopped: validate (the design itself), typecheck or bundle; done when ok. */
  stage: 'validate' | 'typecheck' | 'bundle' | 'done';
  diagnostics: Diagnostic[];
}

export async function checkDesign(design: unknown): Promise<DesignCheck> {
  const compiled = await compileDesign(design);
  if (!compiled.ok) return { ok: false, stage: 'validate', diagnostics: compiled.diagnostics };
  const dir = join(buildsDir(), `check-${randomUUID()}`);
  try {
    for (const file of compiled.files) {
      await mkdir(dirname(join(dir, file.path)), { recursive: true });
      await writeFile(join(dir, file.path), file.contents);
    }
    const report = await verifyWarm(dir);
    return { ok: report.ok, stage: report.ok ? 'done' : report.stage === 'done' ? 'bundle' : report.stage, diagnostics: [...compiled.diagnostics, ...report.diagnostics] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

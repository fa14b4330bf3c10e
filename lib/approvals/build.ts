/**
 * Spec in, checked design out: parse the form's spec, generate the design, lay it out and compile it the way
 * a deploy will, translating the compiler's diagnostics back to the form's fields (a level's
 * condition is the initial value of its `appliesLevelN` variable).
 */
import 'server-only';
import { compileDesign } from '@/codegen';
import type { Design } from '@/codegen/design';
import { laidOutDesign } from '../designs/design-layout';
import { generateApprovalDesign } from './generate';
import { parseApprovalSpec, type ApprovalProcessSpec, type SpecIssue } from './spec';

export type BuildResult =
  | { ok: true; spec: ApprovalProcessSpec; design: Design; warnings: string[] }
  | { ok: false; issues: SpecIssue[] };

const CONDITION_VARIABLE = /^appliesLevel(\d+)$/;
const DERIVED_FROM_CONDITIONS = new Set(['level', 'required', 'rejectLimit']);

export async function buildApprovalDesign(input: unknown): Promise<BuildResult> {
  const parsed = parseApprovalSpec(input);
  if (!parsed.ok) return parsed;
  const { spec } = parsed;
  // Laid out as the canvas would: the generator's own positions are rough (nodes on each other).
  const design = await laidOutDesign(generateApprovalDesign(spec));
  const compiled = await compileDesign(design);
  const issues: SpecIssue[] = [];
  for (const d of compiled.diagnostics.filter((x) => x.severity === 'error')) {
    const variableIndex = /^variables\.(\d+)\.initial$/.exec(d.field ?? '')?.[1];
    const variable = variableIndex === undefined ? undefined : design.variables[Number(variableIndex)];
    const level = variable ? CONDITION_VARIABLE.exec(variable.name)?.[1] : undefined;
    if (level) {
      const name = spec.levels[Number(level) - 1]?.name ?? '';
      issues.push({
        path: `levels.${Number(level) - 1}.condition`,
        message: `Condition of level ${level} (${name}): ${d.message.replace(/^initial value of "appliesLevel\d+": /, '')}`,
      });
    } else if (variable && DERIVED_FROM_CONDITIONS.has(variable.name)) {
      // The same conditions again (the first applicable level): already reported at the level.
      continue;
    } else {
      issues.push({ path: '', message: `${d.nodeId ? `${d.nodeId}: ` : ''}${d.message}` });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, spec, design, warnings: compiled.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message) };
}

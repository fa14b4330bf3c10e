import { hasErrors, type Diagnostic } from './diagnostics';
import { renderWorkflow } from './emit/render';
import { formatTypeScript } from './format';
import { lowerDesign } from './ir/lower';
import { parseDesign } from './parse';
import type { Design } from './schema/design';
import { validateDesign, type DesignResolutions } from './validate';

export interface GeneratedFile {
  /** Relative path, e.g. "workflows.ts". */
  path: string;
  contents: string;
}

export interface CompileResult {
  /** True when there are no error diagnostics and files were generated. */
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The parsed design, when it matched the schema. */
  design: Design | null;
  /** shared.ts (message definitions), workflows.ts, step-tracking.ts (the monitor's plumbing), activities.ts, money.ts when the design uses money, and activities/<name>.ts per custom activity — empty when not ok. */
  files: GeneratedFile[];
  /** The exported workflow function name, when ok. */
  workflowType: string | null;
}

export interface CompileOptions {
  /**
   * The caller will compile edits of this design next (the designer's live code view): its code is
   * split into the format cache now rather than after the answer, so the first edit is formatted
   * in place.
   */
  editsFollow?: boolean;
  /**
   * The deployed designs this one may name (a child workflow, a signal's target), by name, with
   * their stable task queues: a child runs on its design's queue, and naming one missing here is an
   * error. The deploy passes them; without them (live view, export) references are not checked and
   * a child is started on this run's own queue.
   */
  designs?: DesignResolutions;
}

/** design JSON → parse → validate → IR → emit → format. */
export async function compileDesign(input: unknown, options: CompileOptions = {}): Promise<CompileResult> {
  const parsed = parseDesign(input);
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics, design: null, files: [], workflowType: null };
  const { diagnostics, validated } = validateDesign(parsed.design, options.designs);
  if (!validated || hasErrors(diagnostics)) {
    return { ok: false, diagnostics, design: parsed.design, files: [], workflowType: null };
  }
  const ir = lowerDesign(validated);
  const generated = await Promise.all(
    renderWorkflow(ir).map(async (file) => ({ path: file.path, contents: await formatTypeScript(file.contents, { splitNow: options.editsFollow }) })),
  );
  // The one place user-written code is part of the output, by design: each custom activity's
  // source, verbatim, in a file of its own (never spliced into generated code).
  const custom = ir.customActivities.map((a) => ({ path: a.filePath, contents: customSource(parsed.design, a.name) }));
  const files = [...generated, ...custom];
  return { ok: true, diagnostics, design: parsed.design, files, workflowType: ir.workflowName };
}

function customSource(design: Design, name: string): string {
  const source = (design.activities ?? []).find((a) => a.name === name)?.source ?? '';
  return source.endsWith('\n') ? source : `${source}\n`;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../templates-dir';
import type { WorkflowIr } from '../ir/types';
import { registerHelpers } from './helpers';

export interface RenderedFile {
  path: string;
  contents: string;
}

/**
 * shared.ts: the workflow's API (input, message definitions), importable by clients; workflows.ts:
 * the workflow itself; step-tracking.ts: what the Signalbox monitor reads, kept out of the
 * workflow's code; payload-checks.ts: every payload held to the design's types; activities.ts; money.ts.
 */
const FILES = ['shared.ts', 'workflows.ts', 'step-tracking.ts', 'payload-checks.ts', 'activities.ts', 'money.ts'] as const;

interface CompiledTemplates {
  files: Map<string, Handlebars.TemplateDelegate>;
}

let cache: CompiledTemplates | null = null;

/** Stage 4: renders the IR through the templates in templates/ (unformatted TypeScript). */
export function renderWorkflow(ir: WorkflowIr): RenderedFile[] {
  const templates = loadTemplates();
  // money.ts (exact decimal helpers) only when the design uses money; payload-checks.ts only when
  // the workflow receives a payload (a start input, a signal's or update's arguments).
  const generated = (path: (typeof FILES)[number]) => (path === 'money.ts' ? ir.usesMoney : path === 'payload-checks.ts' ? ir.payloads.length > 0 : true);
  return FILES.filter(generated).map((path) => {
    const template = templates.files.get(path);
    if (!template) throw new Error(`template ${path}.hbs is missing`);
    return { path, contents: template(ir) };
  });
}

function loadTemplates(): CompiledTemplates {
  if (cache) return cache;
  const dir = templatesDir();
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  const partialsDir = join(dir, 'partials');
  for (const file of readdirSync(partialsDir)) {
    if (file.endsWith('.hbs')) handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(partialsDir, file), 'utf8'));
  }
  const options = { noEscape: true, strict: true, preventIndent: true };
  const files = new Map(FILES.map((path) => [path, handlebars.compile(readFileSync(join(dir, `${path}.hbs`), 'utf8'), options)]));
  cache = { files };
  return cache;
}

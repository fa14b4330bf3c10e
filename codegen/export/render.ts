import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../templates-dir';
import { registerHelpers } from '../emit/helpers';
import type { ExportModel } from './model';
import { EXPORT_DEPENDENCY_VERSIONS } from './versions';

/** The export's own templates (templates/export/), beside the partials of the workflow templates. */
export const EXPORT_TEMPLATES = ['src/client.ts', 'src/worker.ts', 'src/workflow.test.ts', 'tsconfig.json', 'README.md'] as const;
export type ExportTemplate = (typeof EXPORT_TEMPLATES)[number];

let cache: Map<ExportTemplate, Handlebars.TemplateDelegate> | null = null;

/** Renders one export template (unformatted) with the shared helpers plus `md` for README text. */
export function renderExportTemplate(path: ExportTemplate, model: ExportModel): string {
  const template = loadTemplates().get(path);
  if (!template) throw new Error(`export template ${path} is missing`);
  return template({ ...model, sdkVersion: EXPORT_DEPENDENCY_VERSIONS['@temporalio/workflow'] });
}

function loadTemplates(): Map<ExportTemplate, Handlebars.TemplateDelegate> {
  if (cache) return cache;
  const dir = templatesDir();
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  handlebars.registerHelper('md', (value: unknown) => markdownText(String(value ?? '')));
  handlebars.registerPartial('header', readFileSync(join(dir, 'partials', 'header.hbs'), 'utf8'));
  const options = { noEscape: true, strict: true, preventIndent: true };
  cache = new Map(
    EXPORT_TEMPLATES.map((path) => {
      const file = join(dir, 'export', `${path.replace(/^src\//, '')}.hbs`);
      return [path, handlebars.compile(readFileSync(file, 'utf8'), options)];
    }),
  );
  return cache;
}

/**
 * User text as inert Markdown: one paragraph, HTML and Markdown syntax escaped, so a description
 * cannot inject markup, links or headings into the README.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029\u0085]/g, ' ')
    .replace(/\r\n|\n/g, ' ')
    .replace(/[\\`*_[\]#|~>]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .trim();
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file every complete templates/ folder has: how a candidate folder is recognised. */
const MARKER = 'workflows.ts.hbs';

let found: string | null = null;

/**
 * The one place that knows where templates/ is (the workflow templates, their partials and
 * templates/export/), wherever codegen/ was loaded from: SIGNALBOX_TEMPLATES_DIR if set, else
 * beside codegen/ (tsx, the CLI), else under the working directory (the Next.js server, whose
 * bundled chunks do not sit beside codegen/).
 */
export function templatesDir(): string {
  if (found) return found;
  const candidates = [process.env.SIGNALBOX_TEMPLATES_DIR, moduleRelative('../templates'), join(process.cwd(), 'templates')];
  for (const candidate of candidates) {
    if (candidate && existsSync(join(candidate, MARKER))) return (found = candidate);
  }
  throw new Error(`Cannot find the code templates (looked in ${candidates.filter(Boolean).join(', ')})`);
}

/** `relative` to this module's own file, or undefined where import.meta.url is not a file URL (a bundle). */
function moduleRelative(relative: string): string | undefined {
  try {
    return fileURLToPath(new URL(relative, import.meta.url));
  } catch {
    return undefined;
  }
}

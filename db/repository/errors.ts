import type { z } from 'zod';

/** The design JSON did not match DesignSchema; nothing was written. */
export class DesignValidationError extends Error {
  readonly code = 'design.invalid';
  readonly issues: { path: string; message: string }[];

  constructor(error: z.ZodError) {
    const issues = error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    }));
    const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
    const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
    super(`The design does not match the design schema — ${shown.join('; ')}${more}`);
    this.name = 'DesignValidationError';
    this.issues = issues;
  }
}

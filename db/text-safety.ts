/**
 * Text the app can store and show. PostgreSQL refuses U+0000 in text and jsonb, and a lone
 * surrogate (half of a UTF-16 pair: JSON's "\ud800") has no UTF-8 form — either one used to
 * reach the database and fail there as a 500, sometimes after the action had already happened.
 * So every string a request brings (body values and keys at any depth, query parameters, route
 * parameters) is checked here before any handler runs (lib/api/request.ts, handle()); the design
 * repository (db/repository/designs.ts) applies the name check too, which is why this sits in db/.
 *
 * Bidi controls (U+202A–202E, U+2066–2069) are legal text, so free text (comments, descriptions,
 * request fields) keeps them: React renders text, never markup, and the browser's bidi algorithm
 * confines an override to its own element. In a *name* shown to other people (login name,
 * display name, token name, design name) they are refused: "‮fdp.exe" reads as "exe.pdf", an
 * approver could be shown a name that looks like someone else's, and a name appears inside
 * sentences ("approved by …") where an unterminated override reorders the rest of the line.
 */
import type { z } from 'zod';

const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/** C0/C1 control characters (tab, newline, escape, …): never part of a name. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why this string cannot be stored, or null when it can. */
export function unstorableTextProblem(text: string): string | null {
  if (NUL.test(text)) return 'contains a NUL character (U+0000), which cannot be stored';
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `contains an unpaired surrogate (U+${surrogate[0].charCodeAt(0).toString(16).toUpperCase()}), which is not valid Unicode text`;
  return null;
}

/** Why this string is not acceptable as a name shown to others, or null when it is. */
export function unsafeNameProblem(text: string): string | null {
  const unstorable = unstorableTextProblem(text);
  if (unstorable) return unstorable;
  if (BIDI_CONTROL.test(text)) return 'contains a bidirectional control character (U+202A–202E, U+2066–2069), which can make a name read as another';
  if (CONTROL.test(text)) return 'contains a control character (such as a tab or a line break)';
  return null;
}

/** The same check as a zod refinement, for the schemas of names (the message names the problem). */
export function refuseUnsafeName(value: string, context: z.RefinementCtx<string>): void {
  const problem = unsafeNameProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
}

/** The string with each lone surrogate replaced by U+FFFD (what a UTF-8 encoder would write). */
export function wellFormed(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}

/** A key or value made readable in a message: NUL and lone surrogates written as \uXXXX. */
export function printable(text: string): string {
  return text.replace(new RegExp(`${NUL.source}|${LONE_SURROGATE.source}`, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface UnstorableText {
  /** Dotted path as in zod issues (`fields.purpose`, `items.0.name`); a bad key is named by its own path. */
  path: string;
  problem: string;
}

/** The first string (value or object key, at any depth) that cannot be stored, or null. */
export function findUnstorableText(value: unknown, path: readonly (string | number)[] = []): UnstorableText | null {
  const here = (last?: string | number) => (last === undefined ? path : [...path, last]).map((p) => printable(String(p))).join('.');
  if (typeof value === 'string') {
    const problem = unstorableTextProblem(value);
    return problem ? { path: here(), problem } : null;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findUnstorableText(value[index], [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = unstorableTextProblem(key);
      if (keyProblem) return { path: here(key), problem: `has a key that ${keyProblem}` };
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Text the stores cannot keep: PostgreSQL refuses NUL in text and jsonb, and a lone UTF-16
 * surrogate cannot be encoded (jsonb refuses its escape; a text column would silently change it).
 * Approval submissions and decisions are checked with this before anything happens, so that no
 * write between two stores (a request row and its workflow, a decision and its audit entry)
 * can be refused halfway.
 */
import 'server-only';
import { ApiError } from '../api/errors';

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The path (`fields.note`, `fields.items.0`) of the first string in `value` — keys included — that cannot be stored, or null. */
export function unstorableTextAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableTextAt(item, `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return path;
      const found = unstorableTextAt(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** 400 naming the field when `value` holds text that cannot be stored. */
export function refuseUnstorableText(value: unknown, path: string): void {
  const field = unstorableTextAt(value, path);
  if (field) throw new ApiError(400, 'input.unstorable-text', `${field} contains a NUL character or a lone surrogate, which cannot be stored`, { field });
}

/**
 * Which fields of a design hold expressions, by their last path segment. One list for the
 * designer's expression inputs and for renaming variables, so both agree on what is code.
 */
export const EXPRESSION_KEYS: ReadonlySet<string> = new Set(['condition', 'value', 'result', 'returns', 'initial', 'when', 'waitUntil']);
/** Keys whose values map names to expressions (activity arguments). */
export const EXPRESSION_MAP_KEYS: ReadonlySet<string> = new Set(['args']);
/** Keys whose string values name a variable (assignment targets, activity results). */
export const VARIABLE_KEYS: ReadonlySet<string> = new Set(['variable', 'resultVariable']);

/** `branches.0.condition`, `args.message`, `activity.args.url` → true; `name`, `label` → false. */
export function isExpressionPath(path: string): boolean {
  const parts = path.split('.');
  const last = parts.at(-1) ?? '';
  return EXPRESSION_KEYS.has(last) || (parts.length >= 2 && EXPRESSION_MAP_KEYS.has(parts.at(-2) ?? ''));
}

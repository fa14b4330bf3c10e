import { FUNCTION_NAMES, FUNCTIONS, parseExpression } from '@/codegen/design';

/** What an expression may name at a given place: for completion in the expression inputs. */
export interface ExpressionScope {
  variables: readonly { name: string; type: string }[];
  input: readonly { name: string; type: string }[];
  /** A handler's parameters (`args.x`); undefined outside handlers. */
  args?: readonly { name: string; type: string }[];
  /** On a failure path (codegen/steps/failure.ts): `failure.type`, `failure.message`. */
  failure?: boolean;
}

const FAILURE_FIELDS = [
  { name: 'type', type: 'string' },
  { name: 'message', type: 'string' },
];

export interface Suggestion {
  label: string;
  /** variable | property | function | keyword — the editor shows an icon for each. */
  type: 'variable' | 'property' | 'function' | 'keyword';
  detail?: string;
}

/**
 * Completions for the word being typed (`textBefore` is the text left of the cursor):
 * after `input.` the input fields, after `args.` the handler's parameters, else variables,
 * `input`, `args`, functions and literals. Returns where the replaced word starts.
 */
export function completeExpression(textBefore: string, scope: ExpressionScope): { from: number; options: Suggestion[] } | null {
  const member = /\b(input|args|failure)\.(\w*)$/.exec(textBefore);
  if (member) {
    const fields = member[1] === 'input' ? scope.input : member[1] === 'failure' ? (scope.failure ? FAILURE_FIELDS : []) : scope.args ?? [];
    return {
      from: textBefore.length - member[2]!.length,
      options: fields.map((f) => ({ label: f.name, type: 'property', detail: f.type })),
    };
  }
  const word = /[A-Za-z_]\w*$/.exec(textBefore);
  if (!word && !/(^|[\s(!,?:+\-*/%<>=&|{[])$/.test(textBefore)) return null;
  if (textBefore.endsWith('.')) return null;
  const options: Suggestion[] = [
    ...scope.variables.map((v) => ({ label: v.name, type: 'variable' as const, detail: v.type })),
    { label: 'input', type: 'variable', detail: 'workflow input' },
    ...(scope.args ? [{ label: 'args', type: 'variable' as const, detail: 'handler arguments' }] : []),
    ...(scope.failure ? [{ label: 'failure', type: 'variable' as const, detail: 'what failed: type, message' }] : []),
    // The detail shows how to call it: "sum(list) or sum(list, item => amount) → number or money".
    ...FUNCTION_NAMES.map((f) => ({ label: f, type: 'function' as const, detail: FUNCTIONS[f].signature })),
    { label: 'true', type: 'keyword' },
    { label: 'false', type: 'keyword' },
  ];
  return { from: textBefore.length - (word?.[0].length ?? 0), options };
}

/** A syntax error with its exact position, or null; an empty expression is left to the validator. */
export function syntaxError(text: string): { message: string; from: number; to: number } | null {
  if (text.trim() === '') return null;
  const parsed = parseExpression(text);
  if (parsed.ok) return null;
  const from = Math.max(0, Math.min(parsed.error.start, text.length));
  return { message: parsed.error.message, from, to: Math.max(from, Math.min(parsed.error.end, text.length)) };
}

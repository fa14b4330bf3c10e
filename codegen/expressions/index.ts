/**
 * The safe expression language used in designs (wait conditions, decision branches, assignment
 * values, query and update returns, validator conditions, end results). User text is lexed,
 * parsed into an AST, type-checked against the names in scope and re-emitted from the AST:
 * it never reaches generated code except as a JSON.stringify'd literal or a validated identifier.
 */
import type { Expr } from './ast';
import { checkExpression } from './check';
import { emitExpression } from './emit';
import type { ExprError } from './errors';
import { parseExpression, parseTextTemplate } from './parser';
import { assignable, formatType, type ExprType, type PrimitiveKind, type Scope } from './types';
import type { Lowerings } from './check';

export type { BinaryOp, Expr, UnaryOp } from './ast';
export type { ExprError } from './errors';
export { parseTextTemplate } from './parser';
export type { ExprType, Scope } from './types';
export type { Lowerings } from './check';
export { MONEY_HELPERS, type MoneyHelper } from './functions';
export type { FunctionName } from './functions';
export { FUNCTION_NAMES, FUNCTIONS } from './functions';
export { IDENTIFIER_PATTERN, RESERVED_WORDS, isIdentifier, isReservedWord } from './identifiers';
export { formatType, assignable } from './types';
export { parseExpression } from './parser';
export { checkExpression } from './check';
export { emitExpression } from './emit';
export { referencedNames } from './references';

function article(kind: string): string {
  if (kind === 'money') return 'an amount of money';
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

export type CompileResult = { ok: true; code: string; type: ExprType; ast: Expr; lowerings: Lowerings } | { ok: false; errors: ExprError[] };

/** Whether a message is a text with `{expression}` parts (else it is plain text, used as written). */
export function hasPlaceholders(text: string): boolean {
  return text.includes('{') || text.includes('}');
}

/**
 * A message written as text with `{expression}` parts ("Item {args.sku} already in cart"; `{{` and
 * `}}` for braces): compiled as an f-string, with positions in the text as written.
 */
export function compileTextTemplate(text: string, scope: Scope): CompileResult {
  return compileParsed(parseTextTemplate(text), scope, { kind: 'string' });
}

/** Convenience: parse + check (+ optional expected type) + emit. */
export function compileExpression(text: string, scope: Scope, expected?: ExprType | PrimitiveKind): CompileResult {
  const want: ExprType | undefined = typeof expected === 'string' ? { kind: expected } : expected;
  return compileParsed(parseExpression(text), scope, want);
}

function compileParsed(parsed: ReturnType<typeof parseExpression>, scope: Scope, want: ExprType | undefined): CompileResult {
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const checked = checkExpression(parsed.ast, scope);
  if (!checked.ok) return checked;
  if (want !== undefined && !assignable(checked.type, want)) {
    return {
      ok: false,
      errors: [
        {
          message: `Expected ${article(formatType(want))}, got ${formatType(checked.type)}`,
          start: parsed.ast.start,
          end: parsed.ast.end,
        },
      ],
    };
  }
  // `[]` stored where a list is expected takes that list's type.
  const type = checked.type.kind === 'list' && checked.type.item === null && want ? want : checked.type;
  return { ok: true, code: emitExpression(parsed.ast, checked.lowerings), type, ast: parsed.ast, lowerings: checked.lowerings };
}

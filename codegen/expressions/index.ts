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
import { parseExpression } from './parser';
import type { ExprType, PrimitiveKind, Scope } from './types';

export type { BinaryOp, Expr, UnaryOp } from './ast';
export type { ExprError } from './errors';
export type { ExprType, Scope } from './types';
export type { FunctionName } from './functions';
export { FUNCTION_NAMES } from './functions';
export { IDENTIFIER_PATTERN, RESERVED_WORDS, isIdentifier, isReservedWord } from './identifiers';
export { formatType } from './types';
export { parseExpression } from './parser';
export { checkExpression } from './check';
export { emitExpression } from './emit';
export { referencedNames } from './references';

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** Convenience: parse + check (+ optional expected type) + emit. */
export function compileExpression(
  text: string,
  scope: Scope,
  expected?: PrimitiveKind,
): { ok: true; code: string; type: ExprType; ast: Expr } | { ok: false; errors: ExprError[] } {
  const parsed = parseExpression(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const checked = checkExpression(parsed.ast, scope);
  if (!checked.ok) return checked;
  if (expected !== undefined && checked.type.kind !== expected) {
    return {
      ok: false,
      errors: [
        {
          message: `Expected ${article(expected)}, got ${checked.type.kind}`,
          start: parsed.ast.start,
          end: parsed.ast.end,
        },
      ],
    };
  }
  return { ok: true, code: emitExpression(parsed.ast), type: checked.type, ast: parsed.ast };
}

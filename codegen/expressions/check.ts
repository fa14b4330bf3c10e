import type { BinaryOp, Expr, ExprOf } from './ast';
import { at, type ExprError } from './errors';
import { FUNCTIONS, type ParamType } from './functions';
import { closest } from './suggest';
import {
  BOOLEAN,
  NUMBER,
  STRING,
  fieldNames,
  isPrimitive,
  primitive,
  type ExprType,
  type PrimitiveKind,
  type PrimitiveType,
  type Scope,
} from './types';

/**
 * Type-checks an AST against the names in scope. Reports every independent error it finds;
 * a sub-expression that failed is not reported again by the expressions around it.
 */
export function checkExpression(
  ast: Expr,
  scope: Scope,
): { ok: true; type: ExprType } | { ok: false; errors: ExprError[] } {
  const checker = new Checker(scope);
  const type = checker.value(ast);
  if (checker.errors.length > 0 || type === undefined) {
    return { ok: false, errors: [...checker.errors].sort((a, b) => a.start - b.start) };
  }
  return { ok: true, type };
}

const ARITHMETIC_VERB: Readonly<Record<'-' | '*' | '/' | '%', (l: string, r: string) => string>> = {
  '-': (l, r) => `Cannot subtract ${r} from ${l}`,
  '*': (l, r) => `Cannot multiply ${l} by ${r}`,
  '/': (l, r) => `Cannot divide ${l} by ${r}`,
  '%': (l, r) => `Cannot take the remainder of ${l} divided by ${r}`,
};

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** "input", "input.address" — how a value is named in messages, when it has a name. */
function pathOf(e: Expr): string | undefined {
  if (e.kind === 'identifier') return e.name;
  if (e.kind === 'member') {
    const base = pathOf(e.object);
    return base === undefined ? undefined : `${base}.${e.property}`;
  }
  return undefined;
}

class Checker {
  readonly errors: ExprError[] = [];

  constructor(private readonly scope: Scope) {}

  private report(message: string, start: number, end: number): undefined {
    this.errors.push({ message, start, end });
    return undefined;
  }

  /** The type of a sub-expression that must be a primitive value; objects are reported. */
  value(e: Expr): PrimitiveType | undefined {
    const t = this.type(e);
    if (t === undefined || isPrimitive(t)) return t;
    const name = pathOf(e) ?? 'This value';
    const fields = fieldNames(t);
    const hint = fields.length > 0 ? `use one of its fields: ${fields.join(', ')}` : 'it has no fields to use';
    return this.report(`${name} is an object ${at(e.start)}; ${hint}`, e.start, e.end);
  }

  private type(e: Expr): ExprType | undefined {
    switch (e.kind) {
      case 'number':
        return NUMBER;
      case 'string':
        return STRING;
      case 'boolean':
        return BOOLEAN;
      case 'identifier':
        return this.identifier(e);
      case 'member':
        return this.member(e);
      case 'call':
        return this.call(e);
      case 'unary': {
        const operand = this.value(e.operand);
        const want: PrimitiveKind = e.op === '!' ? 'boolean' : 'number';
        if (operand !== undefined && operand.kind !== want) {
          this.report(
            `Expected ${article(want)} after "${e.op}", got ${operand.kind} ${at(e.operand.start)}`,
            e.operand.start,
            e.operand.end,
          );
        }
        return primitive(want);
      }
      case 'binary':
        return this.binary(e);
      case 'conditional':
        return this.conditional(e);
    }
  }

  private identifier(e: ExprOf<'identifier'>): ExprType | undefined {
    if (Object.hasOwn(this.scope.names, e.name)) return this.scope.names[e.name];
    const near = closest(e.name, Object.keys(this.scope.names));
    const hint = near ? `; did you mean "${near}"?` : '';
    return this.report(`Unknown name "${e.name}" ${at(e.start)}${hint}`, e.start, e.end);
  }

  private member(e: ExprOf<'member'>): ExprType | undefined {
    const object = this.type(e.object);
    if (object === undefined) return undefined;
    const name = pathOf(e.object) ?? 'This value';
    const propertyEnd = e.propertyStart + e.property.length;
    if (object.kind !== 'object') {
      const hint =
        object.kind === 'string' && e.property === 'length' ? `; use len(${pathOf(e.object) ?? '…'}) for its length` : '';
      return this.report(
        `${name} is ${article(object.kind)} and has no fields ${at(e.propertyStart)}${hint}`,
        e.propertyStart,
        propertyEnd,
      );
    }
    if (Object.hasOwn(object.fields, e.property)) return object.fields[e.property];
    const fields = fieldNames(object);
    const near = closest(e.property, fields);
    const hint = near
      ? `; did you mean '${near}'?`
      : fields.length > 0
        ? `; its fields are: ${fields.join(', ')}`
        : '';
    return this.report(
      `${name} has no field '${e.property}' ${at(e.propertyStart)}${hint}`,
      e.propertyStart,
      propertyEnd,
    );
  }

  private call(e: ExprOf<'call'>): ExprType | undefined {
    const spec = FUNCTIONS[e.callee];
    const argTypes = e.args.map((arg) => this.value(arg));
    if (e.args.length !== spec.params.length) {
      const n = spec.params.length;
      return this.report(
        `${e.callee} takes ${n} argument${n === 1 ? '' : 's'}, got ${e.args.length} ${at(e.start)}`,
        e.start,
        e.end,
      );
    }
    spec.params.forEach((param: ParamType, i) => {
      const got = argTypes[i];
      if (got === undefined || param === 'primitive' || got.kind === param) return;
      const arg = e.args[i];
      const which = spec.params.length === 1 ? `${e.callee} needs` : `Argument ${i + 1} of ${e.callee} must be`;
      this.report(`${which} ${article(param)}, got ${got.kind} ${at(arg.start)}`, arg.start, arg.end);
    });
    return primitive(spec.returns);
  }

  private binary(e: ExprOf<'binary'>): ExprType | undefined {
    const left = this.value(e.left);
    const right = this.value(e.right);
    const opEnd = e.opStart + e.op.length;
    switch (e.op) {
      case '&&':
      case '||':
        this.needBoolean(e.left, left, `on the left of "${e.op}"`);
        this.needBoolean(e.right, right, `on the right of "${e.op}"`);
        return BOOLEAN;
      case '+':
        if (left === undefined || right === undefined) return undefined;
        if (left.kind === 'number' && right.kind === 'number') return NUMBER;
        if (left.kind === 'string' || right.kind === 'string') return STRING;
        return this.report(`Cannot add ${left.kind} and ${right.kind} ${at(e.opStart)}`, e.opStart, opEnd);
      case '-':
      case '*':
      case '/':
      case '%':
        if (left !== undefined && right !== undefined && (left.kind !== 'number' || right.kind !== 'number')) {
          this.report(`${ARITHMETIC_VERB[e.op](left.kind, right.kind)} ${at(e.opStart)}`, e.opStart, opEnd);
        }
        return NUMBER;
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (
          left !== undefined &&
          right !== undefined &&
          !(left.kind === right.kind && (left.kind === 'number' || left.kind === 'string'))
        ) {
          this.report(
            `Cannot compare ${left.kind} and ${right.kind} with "${e.op}" ${at(e.opStart)}; both sides must be numbers, or both strings`,
            e.opStart,
            opEnd,
          );
        }
        return BOOLEAN;
      case '==':
      case '!=':
        if (left !== undefined && right !== undefined && left.kind !== right.kind) {
          this.report(
            `Cannot compare ${left.kind} and ${right.kind} with "${e.op}" ${at(e.opStart)}; both sides must have the same type`,
            e.opStart,
            opEnd,
          );
        }
        return BOOLEAN;
      default:
        return assertNever(e.op);
    }
  }

  private conditional(e: ExprOf<'conditional'>): ExprType | undefined {
    this.needBoolean(e.test, this.value(e.test), 'before "?"');
    const a = this.value(e.consequent);
    const b = this.value(e.alternate);
    if (a === undefined || b === undefined) return undefined;
    if (a.kind !== b.kind) {
      return this.report(
        `Both sides of ":" must have the same type, got ${a.kind} and ${b.kind} ${at(e.colonStart)}`,
        e.colonStart,
        e.colonStart + 1,
      );
    }
    return a;
  }

  private needBoolean(e: Expr, t: PrimitiveType | undefined, where: string): void {
    if (t !== undefined && t.kind !== 'boolean') {
      this.report(`Expected a boolean ${where}, got ${t.kind} ${at(e.start)}`, e.start, e.end);
    }
  }
}

function assertNever(op: never): never {
  throw new Error(`Unhandled operator ${String(op as BinaryOp)}`);
}

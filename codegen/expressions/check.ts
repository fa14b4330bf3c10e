import { mayBeNone, type BinaryOp, type Expr, type ExprOf } from './ast';
import { at, type ExprError } from './errors';
import { FUNCTIONS, MONEY_HELPERS } from './functions';
import { closest } from './suggest';
import {
  BOOLEAN,
  MONEY,
  NUMBER,
  STRING,
  assignable,
  fieldNames,
  formatType,
  isOptional,
  primitive,
  type ExprType,
  type PrimitiveKind,
  type Scope,
  type ValueExprType,
} from './types';

/**
 * How a node whose TypeScript differs from its plain form is emitted: money arithmetic and
 * comparisons go through the exact-decimal helpers (`swap` when the money operand is on the right
 * of a multiplication), and the sum of money amounts through `sumMoney`.
 */
export type Lowering = { kind: 'money'; swap: boolean };
export type Lowerings = ReadonlyMap<Expr, Lowering>;

/** A decimal amount as money() accepts it: "1299.99", "-5", "0.5". */
/** An ISO-8601 instant as now() writes it, with a time and a zone: 2026-01-31T12:00:00Z, …00.000+01:00. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export const MONEY_PATTERN = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/**
 * Type-checks an AST against the names in scope. Reports every independent error it finds;
 * a sub-expression that failed is not reported again by the expressions around it.
 */
export function checkExpression(
  ast: Expr,
  scope: Scope,
): { ok: true; type: ExprType; lowerings: Lowerings } | { ok: false; errors: ExprError[] } {
  const checker = new Checker(scope);
  // A whole record is a fine result (a query's answer); inside operators it is reported.
  const type = checker.type(ast);
  if (checker.errors.length > 0 || type === undefined) {
    return { ok: false, errors: [...checker.errors].sort((a, b) => a.start - b.start) };
  }
  return { ok: true, type, lowerings: checker.lowerings };
}

const ARITHMETIC_VERB: Readonly<Record<'-' | '*' | '/' | '%', (l: string, r: string) => string>> = {
  '-': (l, r) => `Cannot subtract ${r} from ${l}`,
  '*': (l, r) => `Cannot multiply ${l} by ${r}`,
  '/': (l, r) => `Cannot divide ${l} by ${r}`,
  '%': (l, r) => `Cannot take the remainder of ${l} divided by ${r}`,
};

function article(kind: string): string {
  if (kind === 'money') return 'an amount of money';
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

/**
 * Names the emitted code itself uses inside an expression: an `item => …` name must not hide them.
 * (Math and String are reserved words already.)
 */
const EMITTED_NAMES: ReadonlySet<string> = new Set([...MONEY_HELPERS, 'Date', 'workflowInfo', 'currentUpdateInfo', 'ApplicationFailure']);

class Checker {
  readonly errors: ExprError[] = [];
  readonly lowerings = new Map<Expr, Lowering>();
  /** The names of the enclosing `item => …` functions, innermost last. */
  private readonly locals: Array<{ name: string; type: ExprType }> = [];

  constructor(private readonly scope: Scope) {}

  private report(message: string, start: number, end: number): undefined {
    this.errors.push({ message, start, end });
    return undefined;
  }

  /** The type of a sub-expression that must be a usable value; whole records are reported. */
  value(e: Expr): ValueExprType | undefined {
    const t = this.type(e);
    if (t === undefined || t.kind !== 'object') return t;
    const name = pathOf(e) ?? 'This value';
    const fields = fieldNames(t);
    const hint = fields.length > 0 ? `use one of its fields: ${fields.join(', ')}` : 'it has no fields to use';
    return this.report(`${name} is an object ${at(e.start)}; ${hint}`, e.start, e.end);
  }

  type(e: Expr): ExprType | undefined {
    switch (e.kind) {
      case 'number':
        return NUMBER;
      case 'string':
        return STRING;
      case 'boolean':
        return BOOLEAN;
      case 'emptyList':
        return { kind: 'list', item: null };
      case 'none':
        return this.report(`none can only be a record field's value ${at(e.start)}, where it leaves the field out: {vp: needed ? status : none}`, e.start, e.end);
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
          const hint = operand.kind === 'money' ? '; subtract it from money("0") instead' : '';
          this.report(
            `Expected ${article(want)} after "${e.op}", got ${formatType(operand)} ${at(e.operand.start)}${hint}`,
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
      case 'list':
        return this.list(e);
      case 'record':
        return this.record(e);
      case 'template':
        return this.template(e);
      case 'lambda':
        // The parser only writes functions as arguments, where call() checks them.
        return this.report(`A function (${e.param} => …) cannot be used here ${at(e.start)}`, e.start, e.end);
    }
  }

  private identifier(e: ExprOf<'identifier'>): ExprType | undefined {
    const local = [...this.locals].reverse().find((l) => l.name === e.name);
    if (local) return local.type;
    if (Object.hasOwn(this.scope.names, e.name)) return this.scope.names[e.name];
    const near = closest(e.name, [...Object.keys(this.scope.names), ...this.locals.map((l) => l.name)]);
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
        (object.kind === 'string' || object.kind === 'list') && e.property === 'length'
          ? `; use len(${pathOf(e.object) ?? '…'}) for its length`
          : '';
      return this.report(
        `${name} is ${article(object.kind)} and has no fields ${at(e.propertyStart)}${hint}`,
        e.propertyStart,
        propertyEnd,
      );
    }
    if (Object.hasOwn(object.fields, e.property)) {
      if (isOptional(object, e.property)) {
        return this.report(`${name}.${e.property} may be left out (none) ${at(e.propertyStart)}; it can be answered, not read`, e.propertyStart, propertyEnd);
      }
      return object.fields[e.property];
    }
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
    const lambdaAt = spec.params.indexOf('lambda');
    if (lambdaAt >= 0) return this.lambdaCall(e, lambdaAt);
    // append takes a whole record as its item; everything else takes plain values.
    const argTypes = e.args.map((arg, i) => (spec.params[i] === 'item' ? this.type(arg) : this.value(arg)));
    const required = spec.required ?? spec.params.length;
    if (e.args.length < required || e.args.length > spec.params.length) {
      const n = required === spec.params.length ? `${required}` : `${required} or ${spec.params.length}`;
      return this.report(
        `${e.callee} takes ${n} argument${n === '1' ? '' : 's'}, got ${e.args.length} ${at(e.start)}`,
        e.start,
        e.end,
      );
    }
    if (argTypes.some((t) => t === undefined)) return spec.returns === 'same-list' || spec.returns === 'list-item' || spec.returns === 'computed' ? undefined : this.fixedReturn(spec.returns);
    const types = argTypes as ExprType[];
    const wrong = (i: number, want: string): undefined => {
      const arg = e.args[i];
      const which = spec.params.length === 1 ? `${e.callee} needs` : `Argument ${i + 1} of ${e.callee} must be`;
      return this.report(`${which} ${want}, got ${formatType(types[i])} ${at(arg.start)}`, arg.start, arg.end);
    };
    switch (e.callee) {
      case 'len':
        if (types[0].kind !== 'string' && types[0].kind !== 'list') wrong(0, 'a string or a list');
        return NUMBER;
      case 'contains':
        return this.contains(types, wrong);
      case 'append': {
        const [list, item] = types;
        if (list.kind !== 'list') return wrong(0, 'a list');
        if (list.item === null) return { kind: 'list', item };
        if (!assignable(item, list.item)) return wrong(1, `${article(formatType(list.item))} (an item of the list)`);
        return list;
      }
      case 'first':
      case 'rest': {
        const [list] = types;
        if (list.kind !== 'list' || list.item === null) return wrong(0, 'a list with items');
        return e.callee === 'first' ? list.item : list;
      }
      case 'secondsBetween':
      case 'addSeconds': {
        // Instants are ISO-8601 text (what now() gives); a literal that is not one would fail at run time.
        const literal = e.args.find((arg, i) => spec.params[i] === 'string' && arg.kind === 'string' && !ISO_INSTANT.test(arg.value));
        if (literal) {
          return this.report(`${e.callee} needs an instant such as "2026-01-31T12:00:00Z" (or now()), got ${JSON.stringify((literal as ExprOf<'string'>).value)} ${at(literal.start)}`, literal.start, literal.end);
        }
        return this.defaultCall(e, types, wrong);
      }
      case 'slice': {
        // Python refuses text[1.5:]; JavaScript would quietly cut the fraction. A literal must be whole.
        const literal = (arg: Expr): Expr => (arg.kind === 'unary' && arg.op === '-' ? arg.operand : arg);
        const fraction = e.args.find((arg, i) => i > 0 && literal(arg).kind === 'number' && !Number.isInteger((literal(arg) as ExprOf<'number'>).value));
        if (fraction) return this.report(`slice needs whole-number positions such as 4 or -16 ${at(fraction.start)}`, fraction.start, fraction.end);
        return this.defaultCall(e, types, wrong);
      }
      case 'money': {
        if (types[0].kind !== 'string') return wrong(0, 'a string such as "12.50"');
        const [arg] = e.args;
        if (arg.kind === 'string' && !MONEY_PATTERN.test(arg.value)) {
          return this.report(
            `money needs digits with an optional "." and decimals, such as "1299.99", got ${JSON.stringify(arg.value)} ${at(arg.start)}`,
            arg.start,
            arg.end,
          );
        }
        return MONEY;
      }
      default:
        return this.defaultCall(e, types, wrong);
    }
  }

  /** A function with fixed parameter types: each argument checked against its type. */
  private defaultCall(e: ExprOf<'call'>, types: ExprType[], wrong: (i: number, want: string) => undefined): ExprType | undefined {
    const spec = FUNCTIONS[e.callee];
    // Optional trailing parameters left out (slice(text, start)) have nothing to check.
    spec.params.slice(0, types.length).forEach((param, i) => {
      const got = types[i];
      if (param === 'primitive' ? got.kind === 'list' || got.kind === 'object' : got.kind !== param) {
        wrong(i, param === 'primitive' ? 'a single value' : article(param));
      }
    });
    return this.fixedReturn(spec.returns);
  }

  /**
   * filter, map, count, any, all and sum(list, item => …): the list first, then the function, whose
   * name stands for each item (typed as the list's item) inside its body.
   */
  private lambdaCall(e: ExprOf<'call'>, lambdaAt: number): ExprType | undefined {
    const spec = FUNCTIONS[e.callee];
    const required = spec.required ?? spec.params.length;
    const example = `${e.callee}(items, item => ${e.callee === 'sum' || e.callee === 'map' ? 'item.price' : 'item.quantity > 0'})`;
    if (e.args.length < required || e.args.length > spec.params.length) {
      const n = required === spec.params.length ? `${required}` : `${required} or ${spec.params.length}`;
      return this.report(`${e.callee} takes ${n} arguments, got ${e.args.length} ${at(e.start)}; write it like ${example}`, e.start, e.end);
    }
    const [listArg, lambda] = e.args;
    if (listArg.kind === 'lambda') return this.report(`The list comes first in ${e.callee} ${at(listArg.start)}; write it like ${example}`, listArg.start, listArg.end);
    const listType = this.value(listArg);
    if (lambda !== undefined && lambda.kind !== 'lambda') {
      return this.report(`Argument ${lambdaAt + 1} of ${e.callee} must be a function such as item => …, ${at(lambda.start)}; write it like ${example}`, lambda.start, lambda.end);
    }
    if (listType === undefined) return undefined;
    if (listType.kind !== 'list' || listType.item === null) {
      return this.report(`${e.callee} needs a list with items, got ${formatType(listType)} ${at(listArg.start)}`, listArg.start, listArg.end);
    }
    const item = listType.item;
    const body = lambda === undefined ? item : this.lambdaBody(lambda, item);
    if (body === undefined) return undefined;
    const bodyAt = lambda?.kind === 'lambda' ? lambda.body : listArg;
    const needBody = (want: string): undefined =>
      this.report(`The function in ${e.callee} must give ${want}, got ${formatType(body)} ${at(bodyAt.start)}`, bodyAt.start, bodyAt.end);
    switch (e.callee) {
      case 'sum':
        if (body.kind !== 'number' && body.kind !== 'money') {
          return lambda === undefined
            ? this.report(`sum needs a list of numbers or of money, got ${formatType(listType)} ${at(listArg.start)}${item.kind === 'object' ? '; for a list of records write sum(items, item => item.price)' : ''}`, listArg.start, listArg.end)
            : needBody('a number or money');
        }
        if (body.kind === 'money') this.lowerings.set(e, { kind: 'money', swap: false });
        return body;
      case 'map':
        return { kind: 'list', item: body };
      case 'filter':
      case 'count':
      case 'any':
      case 'all':
        if (body.kind !== 'boolean') return needBody('a boolean (true or false)');
        return e.callee === 'filter' ? listType : this.fixedReturn(spec.returns);
      default:
        return undefined;
    }
  }

  /** The type of `name => body` with `name` standing for one item; the name must not hide another. */
  private lambdaBody(lambda: ExprOf<'lambda'>, item: ExprType): ExprType | undefined {
    const { param } = lambda;
    const paramEnd = lambda.start + param.length;
    if (Object.hasOwn(this.scope.names, param) || this.locals.some((l) => l.name === param)) {
      return this.report(`"${param}" ${at(lambda.start)} already names a value here; choose another name for the item, such as "it"`, lambda.start, paramEnd);
    }
    if (EMITTED_NAMES.has(param)) {
      return this.report(`"${param}" ${at(lambda.start)} is reserved; choose another name for the item`, lambda.start, paramEnd);
    }
    this.locals.push({ name: param, type: item });
    try {
      return this.type(lambda.body);
    } finally {
      this.locals.pop();
    }
  }

  /** `[a, b]`: every item of one type (records with the same fields). */
  private list(e: ExprOf<'list'>): ExprType | undefined {
    const types = e.items.map((item) => this.type(item));
    if (types.some((t) => t === undefined)) return undefined;
    let item: ExprType = types[0] as ExprType;
    for (let i = 1; i < types.length; i++) {
      const t = types[i] as ExprType;
      if (assignable(t, item)) continue;
      if (assignable(item, t)) {
        item = t;
        continue;
      }
      const at_ = e.items[i];
      return this.report(
        `All items of a list must have the same type: item ${i + 1} is ${formatType(t)} but item 1 is ${formatType(item)} ${at(at_.start)}`,
        at_.start,
        at_.end,
      );
    }
    return { kind: 'list', item };
  }

  private record(e: ExprOf<'record'>): ExprType | undefined {
    const fields: Record<string, ExprType> = {};
    const optional: string[] = [];
    let failed = false;
    for (const field of e.fields) {
      const maybe = mayBeNone(field.value);
      if (field.value.kind === 'none') {
        failed = true;
        this.report(`The field "${field.key}" is always none ${at(field.value.start)}; leave it out, or write ${field.key}: condition ? value : none`, field.value.start, field.value.end);
        continue;
      }
      if (maybe) optional.push(field.key);
      const t = maybe ? this.optionalValue(field.value) : this.type(field.value);
      if (t === undefined) failed = true;
      else if (t.kind === 'list' && t.item === null) {
        failed = true;
        this.report(`The field "${field.key}" is an empty list whose items are unknown ${at(field.value.start)}; use a list variable instead`, field.value.start, field.value.end);
      } else fields[field.key] = t;
    }
    if (failed) return undefined;
    return optional.length > 0 ? { kind: 'object', fields, optional: optional.sort() } : { kind: 'object', fields };
  }

  /**
   * The type of a record field's value that may be none: `cond ? value : none`, nested as deep as
   * needed (`a ? x : b ? y : none`); every branch that is not none has one type.
   */
  private optionalValue(e: Expr): ExprType | undefined {
    if (e.kind !== 'conditional') return this.type(e);
    this.needBoolean(e.test, this.value(e.test), 'before "?"');
    const branches = [e.consequent, e.alternate].filter((b) => b.kind !== 'none');
    const types = branches.map((b) => (mayBeNone(b) ? this.optionalValue(b) : this.type(b)));
    if (types.some((t) => t === undefined)) return undefined;
    const [a, b] = types as ExprType[];
    if (b === undefined) return a;
    if (!assignable(a, b) && !assignable(b, a)) {
      return this.report(`Both sides of ":" must have the same type, got ${formatType(a)} and ${formatType(b)} ${at(e.colonStart)}`, e.colonStart, e.colonStart + 1);
    }
    return a.kind === 'list' && a.item === null ? b : a;
  }

  /** f"…{value}…": each value is a string, number, boolean or amount of money. */
  private template(e: ExprOf<'template'>): ExprType | undefined {
    for (const part of e.parts) {
      if (typeof part === 'string') continue;
      const t = this.value(part);
      if (t?.kind === 'list') {
        this.report(`A list cannot be put into text ${at(part.start)}; use len(…), first(…) or sum(…)`, part.start, part.end);
      }
    }
    return STRING;
  }

  private fixedReturn(returns: string): ExprType | undefined {
    if (returns === 'money') return MONEY;
    if (returns === 'string' || returns === 'number' || returns === 'boolean') return primitive(returns);
    return undefined;
  }

  private contains(types: ExprType[], wrong: (i: number, want: string) => undefined): ExprType | undefined {
    const [haystack, needle] = types;
    if (haystack.kind === 'string') {
      if (needle.kind !== 'string') wrong(1, 'a string');
      return BOOLEAN;
    }
    if (haystack.kind !== 'list') return wrong(0, 'a string or a list');
    const item = haystack.item;
    if (item === null) return wrong(0, 'a list with items');
    if (item.kind !== 'string' && item.kind !== 'number' && item.kind !== 'boolean') {
      return wrong(0, 'a list of strings, numbers or booleans');
    }
    if (needle.kind !== item.kind) wrong(1, `${article(item.kind)} (an item of the list)`);
    return BOOLEAN;
  }

  private binary(e: ExprOf<'binary'>): ExprType | undefined {
    const left = this.value(e.left);
    const right = this.value(e.right);
    const opEnd = e.opStart + e.op.length;
    const bothMoney = left?.kind === 'money' && right?.kind === 'money';
    const describe = (t: ValueExprType): string => formatType(t);
    switch (e.op) {
      case '&&':
      case '||':
        this.needBoolean(e.left, left, `on the left of "${e.op}"`);
        this.needBoolean(e.right, right, `on the right of "${e.op}"`);
        return BOOLEAN;
      case '+':
        if (left === undefined || right === undefined) return undefined;
        if (left.kind === 'number' && right.kind === 'number') return NUMBER;
        if (bothMoney) return this.money(e, false);
        if ((left.kind === 'string' || right.kind === 'string') && left.kind !== 'list' && right.kind !== 'list') return STRING;
        return this.report(`Cannot add ${describe(left)} and ${describe(right)} ${at(e.opStart)}${mixHint(left, right)}`, e.opStart, opEnd);
      case '-':
      case '*':
      case '/':
      case '%':
        if (left === undefined || right === undefined) return e.op === '-' && bothMoney ? MONEY : NUMBER;
        if (left.kind === 'number' && right.kind === 'number') return NUMBER;
        if (e.op === '-' && bothMoney) return this.money(e, false);
        if (e.op === '*' && left.kind === 'money' && right.kind === 'number') return this.money(e, false);
        if (e.op === '*' && left.kind === 'number' && right.kind === 'money') return this.money(e, true);
        this.report(`${ARITHMETIC_VERB[e.op](describe(left), describe(right))} ${at(e.opStart)}${mixHint(left, right)}`, e.opStart, opEnd);
        return NUMBER;
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (left === undefined || right === undefined) return BOOLEAN;
        if (bothMoney) {
          this.lowerings.set(e, { kind: 'money', swap: false });
          return BOOLEAN;
        }
        if (!(left.kind === right.kind && (left.kind === 'number' || left.kind === 'string'))) {
          this.report(
            `Cannot compare ${describe(left)} and ${describe(right)} with "${e.op}" ${at(e.opStart)}; both sides must be numbers, both strings or both money`,
            e.opStart,
            opEnd,
          );
        }
        return BOOLEAN;
      case '==':
      case '!=':
        if (left === undefined || right === undefined) return BOOLEAN;
        if (left.kind === 'list' || right.kind === 'list') {
          this.report(`Cannot compare lists with "${e.op}" ${at(e.opStart)}; compare len(…) or use contains(…)`, e.opStart, opEnd);
        } else if (left.kind !== right.kind) {
          this.report(
            `Cannot compare ${describe(left)} and ${describe(right)} with "${e.op}" ${at(e.opStart)}; both sides must have the same type`,
            e.opStart,
            opEnd,
          );
        } else if (bothMoney) {
          this.lowerings.set(e, { kind: 'money', swap: false });
        }
        return BOOLEAN;
      default:
        return assertNever(e.op);
    }
  }

  private money(e: Expr, swap: boolean): ExprType {
    this.lowerings.set(e, { kind: 'money', swap });
    return MONEY;
  }

  private conditional(e: ExprOf<'conditional'>): ExprType | undefined {
    this.needBoolean(e.test, this.value(e.test), 'before "?"');
    const a = this.value(e.consequent);
    const b = this.value(e.alternate);
    if (a === undefined || b === undefined) return undefined;
    if (!assignable(a, b) && !assignable(b, a)) {
      return this.report(
        `Both sides of ":" must have the same type, got ${formatType(a)} and ${formatType(b)} ${at(e.colonStart)}`,
        e.colonStart,
        e.colonStart + 1,
      );
    }
    return a.kind === 'list' && a.item === null ? b : a;
  }

  private needBoolean(e: Expr, t: ValueExprType | undefined, where: string): void {
    if (t !== undefined && t.kind !== 'boolean') {
      this.report(`Expected a boolean ${where}, got ${formatType(t)} ${at(e.start)}`, e.start, e.end);
    }
  }
}

/** When money meets a plain number, say how to make both sides money. */
function mixHint(left: ValueExprType, right: ValueExprType): string {
  const kinds = [left.kind, right.kind];
  if (kinds.includes('money') && kinds.includes('number')) return '; write amounts as money("…"), or multiply money by a number';
  if (kinds.includes('list')) return '; use append(list, item) to add to a list';
  return '';
}

function assertNever(op: never): never {
  throw new Error(`Unhandled operator ${String(op as BinaryOp)}`);
}

import type { FunctionName } from './functions';

export type UnaryOp = '!' | '-';
export type BinaryOp = '*' | '/' | '%' | '+' | '-' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

/** Every node carries the 0-based character range [start, end) it came from, parentheses included. */
interface Span {
  start: number;
  end: number;
}

export type Expr =
  | ({ kind: 'number'; value: number } & Span)
  | ({ kind: 'string'; value: string } & Span)
  | ({ kind: 'boolean'; value: boolean } & Span)
  | ({ kind: 'identifier'; name: string } & Span)
  /** `[]`: an empty list, typed by where it is stored. */
  | ({ kind: 'emptyList' } & Span)
  /**
   * `none`: no value. Only a record field may be none (directly or as a branch of `?:`), and such a
   * field is left out of the record: `{vp: amount > 10000 ? vpStatus : none}` has no `vp` below 10,001.
   */
  | ({ kind: 'none' } & Span)
  | ({ kind: 'member'; object: Expr; property: string; propertyStart: number } & Span)
  /** The function name occupies [start, start + callee.length). */
  | ({ kind: 'call'; callee: FunctionName; args: Expr[] } & Span)
  | ({ kind: 'unary'; op: UnaryOp; operand: Expr } & Span)
  | ({ kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; opStart: number } & Span)
  | ({ kind: 'conditional'; test: Expr; consequent: Expr; alternate: Expr; colonStart: number } & Span)
  /** `[a, b]`: a list of at least one item, all of one type. */
  | ({ kind: 'list'; items: Expr[] } & Span)
  /** `{sku: item.sku, qty: 2}`: a record; keys are names (snake_case allowed: clients read them). */
  | ({ kind: 'record'; fields: RecordEntry[] } & Span)
  /** `item => item.price > 0`: only as the last argument of filter, map, count, any, all and sum. */
  | ({ kind: 'lambda'; param: string; body: Expr } & Span)
  /** `f"Item {item.sku} already in cart"`: text with values put in; parts are text or expressions. */
  | ({ kind: 'template'; parts: Array<string | Expr> } & Span);

export interface RecordEntry {
  key: string;
  keyStart: number;
  value: Expr;
}

export type ExprKind = Expr['kind'];
export type ExprOf<K extends ExprKind> = Extract<Expr, { kind: K }>;

/** Binding strength, shared by the parser and the emitter (higher binds tighter). */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  '||': 2,
  '&&': 3,
  '==': 4,
  '!=': 4,
  '<': 5,
  '<=': 5,
  '>': 5,
  '>=': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  '%': 7,
};
export const CONDITIONAL_PRECEDENCE = 1;
export const UNARY_PRECEDENCE = 8;
export const POSTFIX_PRECEDENCE = 9;
export const PRIMARY_PRECEDENCE = 10;

export function precedenceOf(e: Expr): number {
  switch (e.kind) {
    case 'conditional':
      return CONDITIONAL_PRECEDENCE;
    case 'binary':
      return BINARY_PRECEDENCE[e.op];
    case 'unary':
      return UNARY_PRECEDENCE;
    case 'member':
    case 'call':
      return POSTFIX_PRECEDENCE;
    case 'lambda':
      return CONDITIONAL_PRECEDENCE;
    case 'template':
      // Emitted as `"a" + String(x) + "b"` when it has several parts.
      return e.parts.length > 1 ? BINARY_PRECEDENCE['+'] : e.parts.length === 1 && typeof e.parts[0] !== 'string' ? POSTFIX_PRECEDENCE : PRIMARY_PRECEDENCE;
    default:
      return PRIMARY_PRECEDENCE;
  }
}

export function isBinaryOp(op: string): op is BinaryOp {
  return Object.hasOwn(BINARY_PRECEDENCE, op);
}

/** The direct sub-expressions of a node, left to right. */
export function childrenOf(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'member':
      return [e.object];
    case 'call':
      return e.args;
    case 'unary':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'conditional':
      return [e.test, e.consequent, e.alternate];
    case 'list':
      return e.items;
    case 'record':
      return e.fields.map((f) => f.value);
    case 'lambda':
      return [e.body];
    case 'template':
      return e.parts.filter((p): p is Expr => typeof p !== 'string');
    case 'number':
    case 'string':
    case 'boolean':
    case 'identifier':
    case 'emptyList':
    case 'none':
      return [];
  }
}

/** The first node (in pre-order) lying deeper than maxDepth, found without recursion. */
export function findTooDeep(ast: Expr, maxDepth: number): Expr | undefined {
  const stack: Array<[Expr, number]> = [[ast, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [e, depth] = item;
    if (depth > maxDepth) return e;
    const children = childrenOf(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
  return undefined;
}

/** Whether a record field's value can be none: `none` itself, or a `?:` with a branch that can. */
export function mayBeNone(e: Expr): boolean {
  if (e.kind === 'none') return true;
  return e.kind === 'conditional' && (mayBeNone(e.consequent) || mayBeNone(e.alternate));
}

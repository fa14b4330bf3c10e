import {
  BINARY_PRECEDENCE,
  CONDITIONAL_PRECEDENCE,
  POSTFIX_PRECEDENCE,
  UNARY_PRECEDENCE,
  mayBeNone,
  precedenceOf,
  type BinaryOp,
  type Expr,
  type ExprOf,
} from './ast';
import type { Lowerings } from './check';
import { FUNCTIONS, isFunctionName } from './functions';
import { FORBIDDEN_PROPERTIES, isIdentifier, isReservedWord } from './identifiers';

/** Operators as written in TypeScript; equality is always strict. */
const TS_OPERATOR: Readonly<Record<BinaryOp, string>> = {
  '*': '*',
  '/': '/',
  '%': '%',
  '+': '+',
  '-': '-',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '==': '===',
  '!=': '!==',
  '&&': '&&',
  '||': '||',
};

/**
 * TypeScript source for an expression, built only from the AST: fixed operator and function
 * text, identifiers re-validated here, string literals through JSON.stringify. Parentheses are
 * added exactly where precedence or associativity needs them. Deterministic.
 * Throws (a bug, not a user error) if the AST holds something the language cannot produce.
 */
export function emitExpression(ast: Expr, lowerings: Lowerings = NO_LOWERINGS): string {
  const code = new Emitter(lowerings).emit(ast);
  // A record on its own is parenthesised: after `=>` (a query handler) a bare `{` would open a block.
  return ast.kind === 'record' ? `(${code})` : code;
}

const NO_LOWERINGS: Lowerings = new Map();

/** Comparison operators, as `compareMoney(a, b) <op> 0` writes them. */
const COMPARISONS = new Set<BinaryOp>(['<', '<=', '>', '>=', '==', '!=']);

class Emitter {
  constructor(private readonly lowerings: Lowerings) {}

  emit(ast: Expr): string {
    const emitExpression = (e: Expr): string => this.emit(e);
    const parenthesize = (e: Expr, wrap: boolean): string => {
      const code = this.emit(e);
      return wrap ? `(${code})` : code;
    };
    const emitReceiver = (e: Expr): string => parenthesize(e, precedenceOf(e) < POSTFIX_PRECEDENCE || e.kind === 'number');
    if (this.lowerings.has(ast)) return this.emitMoney(ast, this.lowerings.get(ast)?.swap === true);
    switch (ast.kind) {
      case 'number':
        return emitNumber(ast.value);
      case 'string':
        return emitString(ast.value);
      case 'boolean':
        if (typeof ast.value !== 'boolean') throw new Error('Invalid boolean literal in expression AST');
        return ast.value ? 'true' : 'false';
      case 'identifier':
        return emitName(ast.name);
      case 'emptyList':
        return '[]';
      case 'none':
        throw new Error('none in an expression AST outside a record field');
      case 'member':
        return `${emitReceiver(ast.object)}.${emitProperty(ast.property)}`;
      case 'call':
        return this.emitCall(ast, emitReceiver);
      case 'unary': {
        if (ast.op !== '!' && ast.op !== '-') throw new Error('Invalid unary operator in expression AST');
        // "-(-x)", never "--x" (which would be a decrement).
        const wrap =
          precedenceOf(ast.operand) < UNARY_PRECEDENCE ||
          (ast.op === '-' && ast.operand.kind === 'unary' && ast.operand.op === '-');
        return `${ast.op}${parenthesize(ast.operand, wrap)}`;
      }
      case 'binary': {
        if (!Object.hasOwn(TS_OPERATOR, ast.op)) throw new Error('Invalid binary operator in expression AST');
        // TypeScript rejects comparing two different literals ("a" === "b" has no overlap): fold them.
        const folded = foldLiteralEquality(ast);
        if (folded !== undefined) return folded;
        const p = BINARY_PRECEDENCE[ast.op];
        // Left-associative: a same-precedence right operand keeps its parentheses ("a - (b - c)").
        const left = parenthesize(ast.left, precedenceOf(ast.left) < p);
        const right = parenthesize(ast.right, precedenceOf(ast.right) <= p);
        return `${left} ${TS_OPERATOR[ast.op]} ${right}`;
      }
      case 'conditional': {
        const test = parenthesize(ast.test, precedenceOf(ast.test) <= CONDITIONAL_PRECEDENCE);
        return `${test} ? ${emitExpression(ast.consequent)} : ${emitExpression(ast.alternate)}`;
      }
      case 'list':
        if (!Array.isArray(ast.items) || ast.items.length === 0) throw new Error('Invalid list literal in expression AST');
        return `[${ast.items.map(emitExpression).join(', ')}]`;
      case 'record':
        return this.emitRecord(ast);
      case 'template':
        return this.emitTemplate(ast);
      case 'lambda':
        throw new Error('A function in an expression AST outside a call');
      default:
        throw new Error(`Invalid node in expression AST: ${JSON.stringify((ast as { kind?: unknown }).kind)}`);
    }
  }

  /** Money goes through the exact-decimal helpers; their names are fixed text. */
  private emitMoney(ast: Expr, swap: boolean): string {
    if (ast.kind === 'call' && ast.callee === 'sum' && ast.args.length === 1) return `sumMoney(${this.emit(ast.args[0])})`;
    if (ast.kind === 'call' && ast.callee === 'sum' && ast.args.length === 2) {
      return `sumMoney(${parenthesizeReceiver(ast.args[0], this.emit(ast.args[0]))}.map(${this.emitLambda(ast.args[1])}))`;
    }
    if (ast.kind !== 'binary') throw new Error('Invalid money operation in expression AST');
    const left = this.emit(ast.left);
    const right = this.emit(ast.right);
    if (COMPARISONS.has(ast.op)) return `compareMoney(${left}, ${right}) ${TS_OPERATOR[ast.op]} 0`;
    switch (ast.op) {
      case '+':
        return `addMoney(${left}, ${right})`;
      case '-':
        return `subtractMoney(${left}, ${right})`;
      case '*':
        return swap ? `multiplyMoney(${right}, ${left})` : `multiplyMoney(${left}, ${right})`;
      default:
        throw new Error(`Invalid money operator ${JSON.stringify(ast.op)} in expression AST`);
    }
  }

  /** `{ sku: item.sku, qty: 2 }`: each key re-validated as a name that cannot reach a prototype. */
  private emitRecord(e: ExprOf<'record'>): string {
    if (!Array.isArray(e.fields)) throw new Error('Invalid record literal in expression AST');
    const keys = new Set<string>();
    const fields = e.fields.map((field) => {
      const key = emitProperty(field.key);
      if (keys.has(key)) throw new Error(`Refusing to emit the key ${JSON.stringify(key)} twice`);
      keys.add(key);
      // A field that may be none is spread in only when it has a value: `...(c ? { vp: x } : {})`.
      return mayBeNone(field.value) ? `...(${this.emitOptionalField(key, field.value)})` : `${key}: ${this.emit(field.value)}`;
    });
    return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
  }

  /** `c ? { key: value } : {}` for `key: c ? value : none`, nested conditionals in parentheses. */
  private emitOptionalField(key: string, e: Expr): string {
    if (e.kind === 'none') return '{}';
    if (e.kind === 'conditional' && mayBeNone(e)) {
      const branch = (b: Expr): string => (b.kind === 'conditional' ? `(${this.emitOptionalField(key, b)})` : this.emitOptionalField(key, b));
      const test = precedenceOf(e.test) <= CONDITIONAL_PRECEDENCE ? `(${this.emit(e.test)})` : this.emit(e.test);
      return `${test} ? ${branch(e.consequent)} : ${branch(e.alternate)}`;
    }
    return `{ ${key}: ${this.emit(e)} }`;
  }

  /** f"a{x}b" → `"a" + String(x) + "b"`: text parts as string literals, values through String(). */
  private emitTemplate(e: ExprOf<'template'>): string {
    if (!Array.isArray(e.parts)) throw new Error('Invalid f-string in expression AST');
    if (e.parts.length === 0) return '""';
    return e.parts.map((part) => (typeof part === 'string' ? emitString(part) : `String(${this.emit(part)})`)).join(' + ');
  }

  /** `(item) => body`, the parameter re-validated as a name. */
  private emitLambda(e: Expr | undefined): string {
    if (e === undefined || e.kind !== 'lambda') throw new Error('Expected a function in expression AST');
    // A record body in parentheses, or `{` would open a block.
    const body = this.emit(e.body);
    return `(${emitName(e.param)}) => ${e.body.kind === 'record' ? `(${body})` : body}`;
  }

  private emitCall(e: ExprOf<'call'>, emitReceiver: (e: Expr) => string): string {
    if (!isFunctionName(e.callee)) throw new Error(`Refusing to emit call to unknown function ${JSON.stringify(e.callee)}`);
    const spec = FUNCTIONS[e.callee];
    if (!Array.isArray(e.args) || e.args.length < (spec.required ?? spec.params.length) || e.args.length > spec.params.length) {
      throw new Error(`Refusing to emit ${e.callee} with ${String(e.args?.length)} arguments`);
    }
    const [first, ...rest] = e.args;
    switch (spec.emit.form) {
      case 'property':
        return `${emitReceiver(first)}.${spec.emit.name}`;
      case 'method':
        return `${emitReceiver(first)}.${spec.emit.name}(${rest.map((a) => this.emit(a)).join(', ')})`;
      case 'global':
        return `${spec.emit.name}(${e.args.map((a) => this.emit(a)).join(', ')})`;
      case 'first':
        return `${emitReceiver(first)}[0]`;
      case 'rest':
        return `${emitReceiver(first)}.slice(1)`;
      case 'slice':
        return `${emitReceiver(first)}.slice(${rest.map((a) => this.emit(a)).join(', ')})`;
      case 'replace':
        // A function as the replacement: the new text is taken as it is ("$&" is not a pattern).
        return `${emitReceiver(first)}.replaceAll(${this.emit(rest[0])}, () => ${this.emit(rest[1])})`;
      case 'updateId':
        return `(currentUpdateInfo()?.id ?? '')`;
      case 'info':
        return `workflowInfo().${spec.emit.name}`;
      case 'append':
        return `[...${emitReceiver(first)}, ${this.emit(rest[0])}]`;
      case 'sum':
        // With a function: the amounts first (map), then their total; the reducer holds no user code.
        return rest.length === 0
          ? `${emitReceiver(first)}.reduce((total, n) => total + n, 0)`
          : `${emitReceiver(first)}.map(${this.emitLambda(rest[0])}).reduce((total, n) => total + n, 0)`;
      case 'lambda':
        if (spec.emit.method === 'count') return `${emitReceiver(first)}.filter(${this.emitLambda(rest[0])}).length`;
        if (spec.emit.method === 'sum') throw new Error('sum is emitted by its own form');
        return `${emitReceiver(first)}.${spec.emit.method}(${this.emitLambda(rest[0])})`;
      case 'now':
        return 'new Date().toISOString()';
      case 'secondsBetween':
        return `((Date.parse(${this.emit(rest[0])}) - Date.parse(${this.emit(first)})) / 1000)`;
      case 'addSeconds':
        return `new Date(Date.parse(${this.emit(first)}) + ${emitReceiver(rest[0])} * 1000).toISOString()`;
    }
  }
}

function parenthesizeReceiver(e: Expr, code: string): string {
  return precedenceOf(e) < POSTFIX_PRECEDENCE || e.kind === 'number' ? `(${code})` : code;
}

function emitNumber(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || Object.is(value, -0)) {
    throw new Error('Invalid number literal in expression AST');
  }
  return String(value);
}

/** JSON.stringify gives a valid, inert TS string literal; U+2028/2029 are escaped as well for old parsers. */
export function emitString(value: string): string {
  if (typeof value !== 'string') throw new Error('Invalid string literal in expression AST');
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function emitName(name: string): string {
  if (typeof name !== 'string' || !isIdentifier(name) || isReservedWord(name)) {
    throw new Error(`Refusing to emit invalid identifier ${JSON.stringify(name)}`);
  }
  return name;
}

function emitProperty(name: string): string {
  if (typeof name !== 'string' || !isIdentifier(name) || FORBIDDEN_PROPERTIES.has(name)) {
    throw new Error(`Refusing to emit invalid property name ${JSON.stringify(name)}`);
  }
  return name;
}

const LITERAL_KINDS = new Set(['number', 'string', 'boolean']);

/** `"a" == "b"` → `false`, `1 != 2` → `true`; undefined unless both sides are literals. */
function foldLiteralEquality(e: ExprOf<'binary'>): string | undefined {
  if ((e.op !== '==' && e.op !== '!=') || !LITERAL_KINDS.has(e.left.kind) || !LITERAL_KINDS.has(e.right.kind)) return undefined;
  const value = (x: Expr): unknown => ('value' in x ? x.value : undefined);
  const equal = e.left.kind === e.right.kind && value(e.left) === value(e.right);
  return String(e.op === '==' ? equal : !equal);
}

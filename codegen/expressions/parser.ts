import { BINARY_PRECEDENCE, findTooDeep, isBinaryOp, type BinaryOp, type Expr, type RecordEntry } from './ast';
import { ExprSyntaxError, at, quote, type ExprError } from './errors';
import { FUNCTION_NAMES, FUNCTIONS, LAMBDA_FUNCTION_NAMES, isFunctionName } from './functions';
import { FORBIDDEN_PROPERTIES, isReservedWord } from './identifiers';
import { tokenize, tokenizeText, type Punct, type Token } from './lexer';
import { closest } from './suggest';

/** Deepest nesting of parentheses, operators and calls accepted (guards the call stack). */
export const MAX_NESTING = 100;
/**
 * Deepest tree accepted (long operator or field chains deepen the tree without nesting);
 * keeps the recursive checker and emitter far from the call-stack limit.
 */
export const MAX_TREE_DEPTH = 200;

/** Words people type from other languages, with the operator to use instead. */
const WORD_OPERATORS: Readonly<Record<string, string>> = { and: '&&', or: '||', not: '!', is: '==' };

const ALLOWED_FUNCTIONS = FUNCTION_NAMES.join(', ');
const LAMBDA_FUNCTIONS = LAMBDA_FUNCTION_NAMES.join(', ');

/** Parses an expression into its AST, or reports the first error with its position. */
export function parseExpression(text: string): { ok: true; ast: Expr } | { ok: false; error: ExprError } {
  if (text.trim() === '') return { ok: false, error: { message: 'The expression is empty', start: 0, end: text.length } };
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  try {
    const ast = new Parser(text, lexed.tokens, 0).parseAll();
    const tooDeep = findTooDeep(ast, MAX_TREE_DEPTH);
    if (tooDeep !== undefined) {
      const message = `The expression is too complex ${at(tooDeep.start)}; split it into smaller steps`;
      return { ok: false, error: { message, start: tooDeep.start, end: tooDeep.end } };
    }
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof ExprSyntaxError) return { ok: false, error: e.toExprError() };
    throw e;
  }
}

/** A whole text with `{expression}` parts (see tokenizeText), as one f-string node. */
export function parseTextTemplate(text: string): { ok: true; ast: Expr } | { ok: false; error: ExprError } {
  const lexed = tokenizeText(text);
  if (!lexed.ok) return lexed;
  try {
    const eof: Token = { type: 'eof', start: text.length, end: text.length };
    return { ok: true, ast: new Parser(text, [lexed.token, eof], 0).parseAll() };
  } catch (e) {
    if (e instanceof ExprSyntaxError) return { ok: false, error: e.toExprError() };
    throw e;
  }
}

class Parser {
  private pos = 0;

  /** `depth` starts above 0 for the expressions inside an f-string, so nesting is counted across them. */
  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private depth: number,
  ) {}

  parseAll(): Expr {
    const ast = this.parseConditional();
    const next = this.peek();
    if (next.type === 'punct' && next.op === '=>') {
      throw new ExprSyntaxError(
        `Unexpected "=>" ${at(next.start)}; a function such as item => item.price can only be the last argument of ${LAMBDA_FUNCTIONS}`,
        next.start,
        next.end,
      );
    }
    if (next.type !== 'eof') {
      throw this.unexpected(next, 'expected an operator or the end of the expression');
    }
    return ast;
  }

  // conditional := binary ('?' conditional ':' conditional)?
  private parseConditional(): Expr {
    return this.nested(() => {
      const test = this.parseBinary(0);
      if (!this.isPunct('?')) return test;
      this.advance();
      const consequent = this.parseConditional();
      const colon = this.expectPunct(':', 'to go with the "?"');
      const alternate = this.parseConditional();
      return {
        kind: 'conditional',
        test,
        consequent,
        alternate,
        colonStart: colon.start,
        start: test.start,
        end: alternate.end,
      };
    });
  }

  // Precedence climbing over the left-associative binary operators.
  private parseBinary(minPrecedence: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      if (token.type !== 'punct' || !isBinaryOp(token.op)) return left;
      const op: BinaryOp = token.op;
      const precedence = BINARY_PRECEDENCE[op];
      if (precedence <= minPrecedence) return left;
      this.advance();
      const right = this.nested(() => this.parseBinary(precedence));
      left = { kind: 'binary', op, left, right, opStart: token.start, start: left.start, end: right.end };
    }
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (token.type === 'punct' && (token.op === '!' || token.op === '-')) {
      this.advance();
      const operand = this.nested(() => this.parseUnary());
      return { kind: 'unary', op: token.op, operand, start: token.start, end: operand.end };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Expr {
    let expr = this.parsePrimary();
    for (;;) {
      const token = this.peek();
      if (token.type === 'punct' && token.op === '.') {
        this.advance();
        const name = this.peek();
        if (name.type !== 'word') throw this.unexpected(name, 'expected a field name after "."');
        this.advance();
        expr = {
          kind: 'member',
          object: expr,
          property: name.text,
          propertyStart: name.start,
          start: expr.start,
          end: name.end,
        };
      } else if (token.type === 'punct' && token.op === '(') {
        throw new ExprSyntaxError(
          `Unexpected "(" ${at(token.start)}; only these functions can be called: ${ALLOWED_FUNCTIONS}`,
          token.start,
          token.end,
        );
      } else if (token.type === 'punct' && token.op === '[') {
        throw new ExprSyntaxError(
          `Unexpected "[" ${at(token.start)}; index access is not supported (use first, contains, filter, len or sum)`,
          token.start,
          token.end,
        );
      } else {
        return expr;
      }
    }
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    switch (token.type) {
      case 'number':
        this.advance();
        return { kind: 'number', value: token.value, start: token.start, end: token.end };
      case 'string':
        this.advance();
        return { kind: 'string', value: token.value, start: token.start, end: token.end };
      case 'word':
        return this.parseWord(token);
      case 'template':
        this.advance();
        return this.parseTemplate(token);
      case 'punct':
        if (token.op === '[') return this.nested(() => this.parseList(token));
        if (token.op === '{') return this.nested(() => this.parseRecord(token));
        if (token.op === '(') {
          this.advance();
          const inner = this.parseConditional();
          const close = this.expectPunct(')', `to close the "(" ${at(token.start)}`);
          // The node's range includes its parentheses, so errors about it highlight them too.
          return { ...inner, start: token.start, end: close.end };
        }
        throw this.unexpected(token, 'expected a value');
      case 'eof':
        throw new ExprSyntaxError(
          `The expression ends too early ${at(token.start)}; expected a value`,
          token.start,
          token.end,
        );
    }
  }

  private parseWord(token: Extract<Token, { type: 'word' }>): Expr {
    const { text: word, start, end } = token;
    this.advance();
    if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true', start, end };
    if (word === 'none') return { kind: 'none', start, end };
    if (this.isPunct('(')) {
      if (!isFunctionName(word)) {
        const near = closest(word, FUNCTION_NAMES);
        const hint = near ? `did you mean "${near}"? ` : '';
        throw new ExprSyntaxError(
          `Unknown function "${word}" ${at(start)}; ${hint}the available functions are: ${ALLOWED_FUNCTIONS}`,
          start,
          end,
        );
      }
      this.advance();
      const args: Expr[] = [];
      const takesLambda = FUNCTIONS[word].params.includes('lambda');
      if (!this.isPunct(')')) {
        for (;;) {
          args.push(takesLambda && this.atLambda() ? this.nested(() => this.parseLambda()) : this.parseConditional());
          if (!this.isPunct(',')) break;
          this.advance();
        }
      }
      const close = this.expectPunct(')', `to close the call to ${word}`);
      return { kind: 'call', callee: word, args, start, end: close.end };
    }
    if (isReservedWord(word)) {
      throw new ExprSyntaxError(`"${word}" ${at(start)} is a reserved word and cannot be used as a name`, start, end);
    }
    return { kind: 'identifier', name: word, start, end };
  }

  /** `[a, b]` (or `[]`, the empty list typed by where it is stored). */
  private parseList(open: Token): Expr {
    this.advance();
    const items: Expr[] = [];
    if (!this.isPunct(']')) {
      for (;;) {
        items.push(this.parseConditional());
        if (!this.isPunct(',')) break;
        this.advance();
      }
    }
    const close = this.expectPunct(']', `to close the list ${at(open.start)}`);
    if (items.length === 0) return { kind: 'emptyList', start: open.start, end: close.end };
    return { kind: 'list', items, start: open.start, end: close.end };
  }

  /** `{sku: item.sku, qty: 2}`: keys are names, each once. */
  private parseRecord(open: Token): Expr {
    this.advance();
    const fields: RecordEntry[] = [];
    if (!this.isPunct('}')) {
      for (;;) {
        const key = this.peek();
        if (key.type !== 'word') {
          const hint = key.type === 'string' ? `; write the key as a name, without quotes` : '';
          throw this.unexpected(key, `expected a field name such as sku${hint}`);
        }
        if (FORBIDDEN_PROPERTIES.has(key.text)) {
          throw new ExprSyntaxError(`"${key.text}" ${at(key.start)} cannot be a field name`, key.start, key.end);
        }
        if (fields.some((f) => f.key === key.text)) {
          throw new ExprSyntaxError(`The field "${key.text}" ${at(key.start)} is written twice in this record`, key.start, key.end);
        }
        this.advance();
        this.expectPunct(':', `after the field name "${key.text}"`);
        fields.push({ key: key.text, keyStart: key.start, value: this.parseConditional() });
        if (!this.isPunct(',')) break;
        this.advance();
      }
    }
    const close = this.expectPunct('}', `to close the record ${at(open.start)}`);
    return { kind: 'record', fields, start: open.start, end: close.end };
  }

  private atLambda(): boolean {
    const next = this.tokens[this.pos + 1];
    return this.peek().type === 'word' && next?.type === 'punct' && next.op === '=>';
  }

  /** `item => body`, where `item` stands for each item of the list. */
  private parseLambda(): Expr {
    const param = this.peek();
    if (param.type !== 'word') throw this.unexpected(param, 'expected a name');
    if (isReservedWord(param.text) || param.text === 'true' || param.text === 'false' || param.text === 'none') {
      throw new ExprSyntaxError(`"${param.text}" ${at(param.start)} is a reserved word and cannot be used as a name`, param.start, param.end);
    }
    this.advance();
    this.advance(); // "=>"
    const body = this.parseConditional();
    return { kind: 'lambda', param: param.text, body, start: param.start, end: body.end };
  }

  /** The expression parts were lexed with the f-string; each is parsed as a whole expression. */
  private parseTemplate(token: Extract<Token, { type: 'template' }>): Expr {
    const parts = token.parts.map((part): string | Expr => {
      if ('text' in part) return part.text;
      const inner = new Parser(this.text, part.tokens, this.depth + 1).parseAll();
      return { ...inner, start: part.start, end: part.end };
    });
    return { kind: 'template', parts, start: token.start, end: token.end };
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_NESTING) {
      const token = this.peek();
      throw new ExprSyntaxError(`The expression is nested too deeply ${at(token.start)}`, token.start, token.end);
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private advance(): void {
    if (this.pos < this.tokens.length - 1) this.pos++;
  }

  private isPunct(op: Punct): boolean {
    const token = this.peek();
    return token.type === 'punct' && token.op === op;
  }

  private expectPunct(op: Punct, why: string): Token {
    const token = this.peek();
    if (token.type === 'punct' && token.op === op) {
      this.advance();
      return token;
    }
    if (token.type === 'eof') {
      throw new ExprSyntaxError(`Expected "${op}" ${at(token.start)} ${why}`, token.start, token.end);
    }
    throw new ExprSyntaxError(
      `Expected "${op}" ${at(token.start)} ${why}, found ${this.describe(token)}`,
      token.start,
      token.end,
    );
  }

  private unexpected(token: Token, expected: string): ExprSyntaxError {
    if (token.type === 'eof') {
      return new ExprSyntaxError(`The expression ends too early ${at(token.start)}; ${expected}`, token.start, token.end);
    }
    const suggestion =
      token.type === 'word' && Object.hasOwn(WORD_OPERATORS, token.text)
        ? `did you mean "${WORD_OPERATORS[token.text]}"?`
        : expected;
    return new ExprSyntaxError(
      `Unexpected ${this.describe(token)} ${at(token.start)}; ${suggestion}`,
      token.start,
      token.end,
    );
  }

  private describe(token: Token): string {
    if (token.type === 'eof') return 'the end of the expression';
    const source = this.text.slice(token.start, token.end);
    return token.type === 'string' || token.type === 'template' ? `text ${source.length > 26 ? source.slice(0, 24) + '…' : source}` : quote(source);
  }
}

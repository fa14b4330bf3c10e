import { ExprSyntaxError, at, describeChar, quote, type ExprError } from './errors';

/** Longest accepted expression; keeps parsing cheap and error messages meaningful. */
export const MAX_EXPRESSION_LENGTH = 10_000;
/** Longest accepted number literal (in characters). */
export const MAX_NUMBER_LENGTH = 32;

export type Punct =
  | '(' | ')' | ',' | '.' | '?' | ':' | '!' | '-' | '+' | '*' | '/' | '%'
  | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||'
  /** List literals `[a, b]`, record literals `{sku: "A"}` and `item => …` in filter, map, …. */
  | '[' | ']' | '{' | '}' | '=>';

/** A piece of an f-string: literal text, or the tokens of an expression written between braces. */
export type TemplatePart = { text: string } | { tokens: Token[]; start: number; end: number };

export type Token =
  | { type: 'number'; value: number; text: string; start: number; end: number }
  | { type: 'string'; value: string; start: number; end: number }
  /** A word: a name, `true`/`false`, or a reserved word (the parser decides which is allowed). */
  | { type: 'word'; text: string; start: number; end: number }
  | { type: 'punct'; op: Punct; start: number; end: number }
  /** `f"Item {item.sku} already in cart"`: the expression parts are lexed already. */
  | { type: 'template'; parts: TemplatePart[]; start: number; end: number }
  | { type: 'eof'; start: number; end: number };

const TWO_CHAR: readonly Punct[] = ['<=', '>=', '==', '!=', '&&', '||', '=>'];
const ONE_CHAR: readonly Punct[] = ['(', ')', ',', '.', '?', ':', '!', '-', '+', '*', '/', '%', '<', '>', '[', ']', '{', '}'];

/** Deepest nesting of f-strings inside f-strings (guards the call stack). */
const MAX_TEMPLATE_NESTING = 8;

/** Near-misses that begin like a valid operator; checked before the operators. */
const EARLY_MISTAKES: ReadonlyArray<{ text: string; hint: string }> = [
  { text: '===', hint: 'did you mean "=="?' },
  { text: '!==', hint: 'did you mean "!="?' },
  { text: '//', hint: 'comments are not allowed' },
  { text: '/*', hint: 'comments are not allowed' },
];

/** Other near-misses from programming languages, with what to write instead. */
const MISTAKES: ReadonlyArray<{ text: string; hint: string }> = [
  { text: '${', hint: 'put values into text with f"…{value}…"; "${" has no special meaning' },
  { text: '=', hint: 'did you mean "=="?' },
  { text: '&', hint: 'did you mean "&&"?' },
  { text: '|', hint: 'did you mean "||"?' },
  { text: '`', hint: 'write text in "double" or \'single\' quotes' },
  { text: ';', hint: 'an expression is a single value, without ";"' },
];

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  "'": "'",
  n: '\n',
  t: '\t',
  r: '\r',
};

const NUMBER_PATTERN = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
function isWordStart(ch: string): boolean {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === '_';
}
function isWordPart(ch: string): boolean {
  return isWordStart(ch) || isDigit(ch);
}
function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

export function tokenize(text: string): { ok: true; tokens: Token[] } | { ok: false; error: ExprError } {
  try {
    return { ok: true, tokens: lex(text, 0, text.length, 0) };
  } catch (e) {
    if (e instanceof ExprSyntaxError) return { ok: false, error: e.toExprError() };
    throw e;
  }
}

/**
 * A whole text whose `{…}` parts are expressions (a validator's message: "Item {args.sku} already
 * in cart"), lexed as the body of an f-string: one template token. Backslashes are plain text here.
 */
export function tokenizeText(text: string): { ok: true; token: Extract<Token, { type: 'template' }> } | { ok: false; error: ExprError } {
  try {
    if (text.length > MAX_EXPRESSION_LENGTH) throw new ExprSyntaxError(`The text is too long (${text.length} characters; at most ${MAX_EXPRESSION_LENGTH})`, MAX_EXPRESSION_LENGTH, text.length);
    return { ok: true, token: lexTemplate(text, 0, text.length, 0, null) };
  } catch (e) {
    if (e instanceof ExprSyntaxError) return { ok: false, error: e.toExprError() };
    throw e;
  }
}

/** The tokens of text[from, to), with positions in the whole text; `nesting` counts enclosing f-strings. */
function lex(text: string, from: number, to: number, nesting: number): Token[] {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ExprSyntaxError(
      `The expression is too long (${text.length} characters; at most ${MAX_EXPRESSION_LENGTH})`,
      MAX_EXPRESSION_LENGTH,
      text.length,
    );
  }
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch === 'f' && (text[i + 1] === '"' || text[i + 1] === "'") && i + 1 < to) {
      tokens.push(lexTemplate(text, i, to, nesting, text[i + 1]));
      i = tokens[tokens.length - 1].end;
    } else if (isDigit(ch)) {
      tokens.push(lexNumber(text, i));
      i = tokens[tokens.length - 1].end;
    } else if (ch === '"' || ch === "'") {
      tokens.push(lexString(text, i));
      i = tokens[tokens.length - 1].end;
    } else if (isWordStart(ch)) {
      let j = i + 1;
      while (j < to && isWordPart(text[j])) j++;
      tokens.push({ type: 'word', text: text.slice(i, j), start: i, end: j });
      i = j;
    } else {
      const op = EARLY_MISTAKES.some((m) => text.startsWith(m.text, i))
        ? undefined
        : (TWO_CHAR.find((p) => text.startsWith(p, i)) ?? ONE_CHAR.find((p) => p === ch));
      if (op !== undefined) {
        tokens.push({ type: 'punct', op, start: i, end: i + op.length });
        i += op.length;
        continue;
      }
      const mistake = [...EARLY_MISTAKES, ...MISTAKES].find((m) => text.startsWith(m.text, i));
      if (mistake) {
        throw new ExprSyntaxError(
          `Unexpected ${quote(mistake.text)} ${at(i)}; ${mistake.hint}`,
          i,
          i + mistake.text.length,
        );
      }
      const full = String.fromCodePoint(text.codePointAt(i) ?? 0);
      const hint = /^\p{L}$/u.test(full) ? '; names may only use the letters A-Z and a-z, digits and "_"' : '';
      throw new ExprSyntaxError(`Unexpected character ${describeChar(full)} ${at(i)}${hint}`, i, i + full.length);
    }
  }
  tokens.push({ type: 'eof', start: to, end: to });
  return tokens;
}

/**
 * `f"…"`: text with `{expression}` parts (Python's f-strings); `{{` and `}}` are literal braces and
 * the escapes are those of plain text. Each expression part is lexed here, up to its closing `}`.
 */
/** `quote` is null for a whole text (tokenizeText): it ends at `to`, and has no escapes or quotes. */
function lexTemplate(text: string, start: number, to: number, nesting: number, quote: string | null): Extract<Token, { type: 'template' }> {
  if (nesting >= MAX_TEMPLATE_NESTING) {
    throw new ExprSyntaxError(`Too many f-strings inside each other ${at(start)}`, start, start + 2);
  }
  const q = quote;
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = q === null ? start : start + 2;
  for (;;) {
    if (i >= to) {
      if (q === null) break;
      throw new ExprSyntaxError(`The text starting ${at(start)} is not closed; end it with ${q}`, start, to);
    }
    const ch = text[i];
    if (ch === q) break;
    if (ch === '{' && text[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (ch === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
    } else if (ch === '}') {
      throw new ExprSyntaxError(`Unexpected "}" ${at(i)} in an f-string; write "}}" for a "}" in the text`, i, i + 1);
    } else if (ch === '{') {
      const end = closingBrace(text, i, to, q === null ? null : start);
      if (literal !== '') parts.push({ text: literal });
      literal = '';
      const tokens = lex(text, i + 1, end, nesting + 1);
      if (tokens.length === 1) throw new ExprSyntaxError(`Empty "{}" ${at(i)} in an f-string; write a value between the braces, or "{{" for a "{"`, i, end + 1);
      parts.push({ tokens, start: i, end: end + 1 });
      i = end + 1;
    } else if (q !== null && (ch === '\n' || ch === '\r')) {
      throw new ExprSyntaxError(`Line break inside text ${at(i)}; write \\n instead, or close the text with ${q}`, i, i + 1);
    } else if (q !== null && ch === '\\') {
      const [value, next] = escapeAt(text, i);
      literal += value;
      i = next;
    } else {
      literal += ch;
      i++;
    }
  }
  if (literal !== '') parts.push({ text: literal });
  return { type: 'template', parts, start, end: q === null ? i : i + 1 };
}

/** Where the `{` at `open` closes, skipping nested braces and quoted text. */
function closingBrace(text: string, open: number, to: number, templateStart: number | null): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
    else if (ch === '"' || ch === "'") {
      // Quoted text inside the braces: its braces and quotes do not count.
      for (i++; i < to && text[i] !== ch; i++) if (text[i] === '\\') i++;
    }
  }
  throw new ExprSyntaxError(`The "{" ${at(open)} ${templateStart === null ? '' : `in the f-string starting ${at(templateStart)} `}is not closed; end it with "}", or write "{{" for a "{"`, open, open + 1);
}

function lexNumber(text: string, start: number): Token {
  // Take the whole run of number-ish characters so that "1e5", "0x1f" and "1.2.3" fail as one piece.
  let end = start;
  while (end < text.length && (isWordPart(text[end]) || text[end] === '.')) {
    // A "." followed by a letter ends the number, so that "3.foo" reports the ".", not "3.foo".
    if (text[end] === '.' && !isDigit(text[end + 1] ?? '')) break;
    end++;
  }
  const literal = text.slice(start, end);
  if (text[end] === '.') {
    throw new ExprSyntaxError(`Expected digits after "." ${at(end)} in the number ${quote(literal + '.')}`, end, end + 1);
  }
  if (literal.length > MAX_NUMBER_LENGTH) {
    throw new ExprSyntaxError(
      `The number ${at(start)} is too long (at most ${MAX_NUMBER_LENGTH} characters)`,
      start,
      end,
    );
  }
  if (!NUMBER_PATTERN.test(literal)) {
    const hint = /^0[0-9]/.test(literal) ? 'numbers cannot start with 0' : 'write numbers like 42 or 0.5';
    throw new ExprSyntaxError(`Invalid number ${quote(literal)} ${at(start)}; ${hint}`, start, end);
  }
  const value = Number(literal);
  if (!Number.isFinite(value)) {
    throw new ExprSyntaxError(`The number ${at(start)} is too large`, start, end);
  }
  return { type: 'number', value, text: literal, start, end };
}

function lexString(text: string, start: number): Token {
  const q = text[start];
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) {
      throw new ExprSyntaxError(
        `The text starting ${at(start)} is not closed; end it with ${q}`,
        start,
        text.length,
      );
    }
    const ch = text[i];
    if (ch === q) return { type: 'string', value, start, end: i + 1 };
    if (ch === '\n' || ch === '\r') {
      throw new ExprSyntaxError(
        `Line break inside text ${at(i)}; write \\n instead, or close the text with ${q}`,
        i,
        i + 1,
      );
    }
    if (ch !== '\\') {
      value += ch;
      i++;
      continue;
    }
    const [escaped, next] = escapeAt(text, i);
    value += escaped;
    i = next;
  }
}

/** The character a backslash escape at `i` stands for, and where the text continues. */
function escapeAt(text: string, i: number): [string, number] {
  const next = text[i + 1];
  if (next === 'u') {
    const hex = text.slice(i + 2, i + 6);
    if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
      throw new ExprSyntaxError(`Invalid escape ${at(i)}; write \\u followed by 4 hex digits`, i, i + 2);
    }
    return [String.fromCharCode(parseInt(hex, 16)), i + 6];
  }
  if (next !== undefined && Object.hasOwn(ESCAPES, next)) return [ESCAPES[next], i + 2];
  const shown = next === undefined ? '"\\"' : `"\\${next}"`;
  throw new ExprSyntaxError(
    `Unknown escape ${shown} ${at(i)}; use \\\\ \\" \\' \\n \\t \\r or \\uXXXX`,
    i,
    Math.min(i + 2, text.length),
  );
}

import { ExprSyntaxError, at, describeChar, quote, type ExprError } from './errors';

/** Longest accepted expression; keeps parsing cheap and error messages meaningful. */
export const MAX_EXPRESSION_LENGTH = 10_000;
/** Longest accepted number literal (in characters). */
export const MAX_NUMBER_LENGTH = 32;

export type Punct =
  | '(' | ')' | ',' | '.' | '?' | ':' | '!' | '-' | '+' | '*' | '/' | '%'
  | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||'
  /** The empty list, the only list literal: lists grow with append(list, item). */
  | '[]';

export type Token =
  | { type: 'number'; value: number; text: string; start: number; end: number }
  | { type: 'string'; value: string; start: number; end: number }
  /** A word: a name, `true`/`false`, or a reserved word (the parser decides which is allowed). */
  | { type: 'word'; text: string; start: number; end: number }
  | { type: 'punct'; op: Punct; start: number; end: number }
  | { type: 'eof'; start: number; end: number };

const TWO_CHAR: readonly Punct[] = ['<=', '>=', '==', '!=', '&&', '||'];
const ONE_CHAR: readonly Punct[] = ['(', ')', ',', '.', '?', ':', '!', '-', '+', '*', '/', '%', '<', '>'];

/** Near-misses that begin like a valid operator; checked before the operators. */
const EARLY_MISTAKES: ReadonlyArray<{ text: string; hint: string }> = [
  { text: '===', hint: 'did you mean "=="?' },
  { text: '!==', hint: 'did you mean "!="?' },
  { text: '//', hint: 'comments are not allowed' },
  { text: '/*', hint: 'comments are not allowed' },
];

/** Other near-misses from programming languages, with what to write instead. */
const MISTAKES: ReadonlyArray<{ text: string; hint: string }> = [
  { text: '=>', hint: 'functions cannot be defined in an expression' },
  { text: '${', hint: 'write text in "double" or \'single\' quotes; "${" has no special meaning' },
  { text: '=', hint: 'did you mean "=="?' },
  { text: '&', hint: 'did you mean "&&"?' },
  { text: '|', hint: 'did you mean "||"?' },
  { text: '`', hint: 'write text in "double" or \'single\' quotes' },
  { text: '[', hint: 'only the empty list [] can be written; index access is not supported (use contains, len or sum)' },
  { text: '{', hint: 'objects cannot be written in an expression' },
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
    return { ok: true, tokens: lex(text) };
  } catch (e) {
    if (e instanceof ExprSyntaxError) return { ok: false, error: e.toExprError() };
    throw e;
  }
}

function lex(text: string): Token[] {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ExprSyntaxError(
      `The expression is too long (${text.length} characters; at most ${MAX_EXPRESSION_LENGTH})`,
      MAX_EXPRESSION_LENGTH,
      text.length,
    );
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
    } else if (isDigit(ch)) {
      tokens.push(lexNumber(text, i));
      i = tokens[tokens.length - 1].end;
    } else if (ch === '"' || ch === "'") {
      tokens.push(lexString(text, i));
      i = tokens[tokens.length - 1].end;
    } else if (ch === '[' && /^\[[ \t]*\]/.test(text.slice(i, i + 64))) {
      const end = text.indexOf(']', i) + 1;
      tokens.push({ type: 'punct', op: '[]', start: i, end });
      i = end;
    } else if (isWordStart(ch)) {
      let j = i + 1;
      while (j < text.length && isWordPart(text[j])) j++;
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
  tokens.push({ type: 'eof', start: text.length, end: text.length });
  return tokens;
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
    const next = text[i + 1];
    if (next === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
        throw new ExprSyntaxError(`Invalid escape ${at(i)}; write \\u followed by 4 hex digits`, i, i + 2);
      }
      value += String.fromCharCode(parseInt(hex, 16));
      i += 6;
    } else if (next !== undefined && Object.hasOwn(ESCAPES, next)) {
      value += ESCAPES[next];
      i += 2;
    } else {
      const shown = next === undefined ? '"\\"' : `"\\${next}"`;
      throw new ExprSyntaxError(
        `Unknown escape ${shown} ${at(i)}; use \\\\ \\" \\' \\n \\t \\r or \\uXXXX`,
        i,
        Math.min(i + 2, text.length),
      );
    }
  }
}

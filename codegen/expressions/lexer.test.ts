import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_EXPRESSION_LENGTH, tokenize, type Token } from './lexer';

function tokens(text: string): Token[] {
  const r = tokenize(text);
  if (!r.ok) assert.fail(`unexpected lex error: ${r.error.message}`);
  return r.tokens;
}

function lexError(text: string): { message: string; start: number; end: number } {
  const r = tokenize(text);
  assert.equal(r.ok, false, `expected a lex error for ${JSON.stringify(text)}`);
  if (r.ok) throw new Error('unreachable');
  return r.error;
}

describe('lexer: tokens', () => {
  it('splits operators, words, numbers and strings with their ranges', () => {
    const t = tokens('a<=1.5&&!b');
    assert.deepEqual(
      t.map((x) => [x.type, x.start, x.end]),
      [
        ['word', 0, 1],
        ['punct', 1, 3],
        ['number', 3, 6],
        ['punct', 6, 8],
        ['punct', 8, 9],
        ['word', 9, 10],
        ['eof', 10, 10],
      ],
    );
  });

  it('reads every two-character operator as one token', () => {
    const ops = tokens('<= >= == != && ||').flatMap((x) => (x.type === 'punct' ? [x.op] : []));
    assert.deepEqual(ops, ['<=', '>=', '==', '!=', '&&', '||']);
  });

  it('reads decimal numbers', () => {
    const t = tokens('0 3 0.5 12.25');
    assert.deepEqual(
      t.flatMap((x) => (x.type === 'number' ? [x.value] : [])),
      [0, 3, 0.5, 12.25],
    );
  });

  it('reads strings in either quote with every escape', () => {
    const t = tokens(String.raw`"a\\b\"c\'d\ne\tf\rg\u0041" 'it\'s "fine"'`);
    assert.deepEqual(
      t.flatMap((x) => (x.type === 'string' ? [x.value] : [])),
      ['a\\b"c\'d\ne\tf\rgA', 'it\'s "fine"'],
    );
  });

  it('keeps non-ASCII characters inside strings as data', () => {
    const t = tokens('"héllo 👋 \u2028"');
    assert.equal(t[0].type === 'string' && t[0].value, 'héllo 👋 \u2028');
  });

  it('skips spaces, tabs and line breaks between tokens', () => {
    assert.equal(tokens(' \t\na\r\n').length, 2);
  });
});

describe('lexer: errors name the character and its position', () => {
  const cases: Array<[string, string, number, number]> = [
    ['a = b', 'Unexpected "=" at position 2; did you mean "=="?', 2, 3],
    ['a === b', 'Unexpected "===" at position 2; did you mean "=="?', 2, 5],
    ['a !== b', 'Unexpected "!==" at position 2; did you mean "!="?', 2, 5],
    ['a & b', 'Unexpected "&" at position 2; did you mean "&&"?', 2, 3],
    ['a | b', 'Unexpected "|" at position 2; did you mean "||"?', 2, 3],
    ['`hi`', 'Unexpected "`" at position 0; write text in "double" or \'single\' quotes', 0, 1],
    ['a // note', 'Unexpected "//" at position 2; comments are not allowed', 2, 4],
    ['a /* note */', 'Unexpected "/*" at position 2; comments are not allowed', 2, 4],
    ['f"a}"', 'Unexpected "}" at position 3 in an f-string; write "}}" for a "}" in the text', 3, 4],
    ['f"a{b"', 'The "{" at position 3 in the f-string starting at position 0 is not closed; end it with "}", or write "{{" for a "{"', 3, 4],
    ['f"a{}"', 'Empty "{}" at position 3 in an f-string; write a value between the braces, or "{{" for a "{"', 3, 5],
    ['f"a', 'The text starting at position 0 is not closed; end it with "', 0, 3],
    ['a; b', 'Unexpected ";" at position 1; an expression is a single value, without ";"', 1, 2],
    ['1 + $x', 'Unexpected character "$" at position 4', 4, 5],
    ['café', 'Unexpected character "é" at position 3; names may only use the letters A-Z and a-z, digits and "_"', 3, 4],
    ['a\u00a0b', 'Unexpected character U+00A0 at position 1', 1, 2],
    ['a # b', 'Unexpected character "#" at position 2', 2, 3],
    ['1e5', 'Invalid number "1e5" at position 0; write numbers like 42 or 0.5', 0, 3],
    ['0x1f', 'Invalid number "0x1f" at position 0; write numbers like 42 or 0.5', 0, 4],
    ['1.2.3', 'Invalid number "1.2.3" at position 0; write numbers like 42 or 0.5', 0, 5],
    ['007', 'Invalid number "007" at position 0; numbers cannot start with 0', 0, 3],
    ['3.', 'Expected digits after "." at position 1 in the number "3."', 1, 2],
    ['2 + 3.x', 'Expected digits after "." at position 5 in the number "3."', 5, 6],
    ['"abc', 'The text starting at position 0 is not closed; end it with "', 0, 4],
    ["x == 'abc", "The text starting at position 5 is not closed; end it with '", 5, 9],
    ['"a\nb"', 'Line break inside text at position 2; write \\n instead, or close the text with "', 2, 3],
    ['"\\x41"', 'Unknown escape "\\x" at position 1; use \\\\ \\" \\\' \\n \\t \\r or \\uXXXX', 1, 3],
    ['"\\u12"', 'Invalid escape at position 1; write \\u followed by 4 hex digits', 1, 3],
  ];
  for (const [text, message, start, end] of cases) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(lexError(text), { message, start, end });
    });
  }

  it('rejects absurdly long numbers', () => {
    const e = lexError('9'.repeat(400));
    assert.match(e.message, /^The number at position 0 is too long/);
  });

  it('rejects expressions over the length limit', () => {
    const e = lexError('a'.repeat(MAX_EXPRESSION_LENGTH + 1));
    assert.match(e.message, /^The expression is too long/);
  });

  it('names a character outside the BMP as a whole', () => {
    const e = lexError('a 😀');
    assert.deepEqual(e, { message: 'Unexpected character "😀" at position 2', start: 2, end: 4 });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expr } from './ast';
import { RESERVED_WORDS } from './identifiers';
import { MAX_NESTING, parseExpression } from './parser';

function parse(text: string): Expr {
  const r = parseExpression(text);
  if (!r.ok) assert.fail(`unexpected parse error: ${r.error.message}`);
  return r.ast;
}

function parseError(text: string): { message: string; start: number; end: number } {
  const r = parseExpression(text);
  if (r.ok) assert.fail(`expected a parse error for ${JSON.stringify(text)}`);
  return r.error;
}

/** A fully parenthesised rendering of the tree, to check grouping. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'number':
    case 'boolean':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'identifier':
      return e.name;
    case 'emptyList':
      return '[]';
    case 'none':
      return 'none';
    case 'member':
      return `${shape(e.object)}.${e.property}`;
    case 'call':
      return `${e.callee}(${e.args.map(shape).join(', ')})`;
    case 'unary':
      return `(${e.op}${shape(e.operand)})`;
    case 'binary':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'conditional':
      return `(${shape(e.test)} ? ${shape(e.consequent)} : ${shape(e.alternate)})`;
    case 'list':
      return `[${e.items.map(shape).join(', ')}]`;
    case 'record':
      return `{${e.fields.map((f) => `${f.key}: ${shape(f.value)}`).join(', ')}}`;
    case 'lambda':
      return `(${e.param} => ${shape(e.body)})`;
    case 'template':
      return `f(${e.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : shape(p))).join(' ')})`;
  }
}

describe('parser: precedence and associativity', () => {
  const cases: Array<[string, string]> = [
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 * 2 + 3', '((1 * 2) + 3)'],
    ['a - b - c', '((a - b) - c)'],
    ['a / b % c', '((a / b) % c)'],
    ['a - b + c', '((a - b) + c)'],
    ['(a - b) * c', '((a - b) * c)'],
    ['a < b == c > d', '((a < b) == (c > d))'],
    ['a == b != c', '((a == b) != c)'],
    ['a || b && c', '(a || (b && c))'],
    ['a && b || c && d', '((a && b) || (c && d))'],
    ['!a && b', '((!a) && b)'],
    ['!a == b', '((!a) == b)'],
    ['-a * b', '((-a) * b)'],
    ['- -a', '(-(-a))'],
    ['!!a', '(!(!a))'],
    ['a + b < c * d', '((a + b) < (c * d))'],
    ['a ? b : c ? d : e', '(a ? b : (c ? d : e))'],
    ['a ? b ? c : d : e', '(a ? (b ? c : d) : e)'],
    ['a || b ? c + 1 : d', '((a || b) ? (c + 1) : d)'],
    ['-input.amount', '(-input.amount)'],
    ['input.address.city', 'input.address.city'],
    ['len(a + b) * 2', '(len((a + b)) * 2)'],
    ['min(a, b ? 1 : 2)', 'min(a, (b ? 1 : 2))'],
    ['((a))', 'a'],
    ['true && false', '(true && false)'],
  ];
  for (const [text, expected] of cases) {
    it(`${text}  →  ${expected}`, () => assert.equal(shape(parse(text)), expected));
  }
});

describe('parser: node ranges', () => {
  it('records start/end of every node, parentheses included', () => {
    const ast = parse('(a + 1) * count');
    assert.equal(ast.kind, 'binary');
    if (ast.kind !== 'binary') return;
    assert.deepEqual([ast.start, ast.end, ast.opStart], [0, 15, 8]);
    assert.deepEqual([ast.left.start, ast.left.end], [0, 7]);
    assert.deepEqual([ast.right.start, ast.right.end], [10, 15]);
  });

  it('records member property and call positions', () => {
    const ast = parse('len(input.requestId)');
    assert.equal(ast.kind, 'call');
    if (ast.kind !== 'call') return;
    assert.deepEqual([ast.start, ast.end], [0, 20]);
    const arg = ast.args[0];
    assert.equal(arg.kind, 'member');
    if (arg.kind !== 'member') return;
    assert.deepEqual([arg.start, arg.end, arg.propertyStart], [4, 19, 10]);
  });

  it('records the ":" of a conditional', () => {
    const ast = parse('a ? 1 : 2');
    assert.equal(ast.kind === 'conditional' && ast.colonStart, 6);
  });

  it('reads literals', () => {
    assert.deepEqual(parse('  42 '), { kind: 'number', value: 42, start: 2, end: 4 });
    assert.deepEqual(parse("'x'"), { kind: 'string', value: 'x', start: 0, end: 3 });
    assert.deepEqual(parse('false'), { kind: 'boolean', value: false, start: 0, end: 5 });
  });
});

describe('parser: errors name what was found and where', () => {
  const cases: Array<[string, string, number, number]> = [
    ['', 'The expression is empty', 0, 0],
    ['   ', 'The expression is empty', 0, 3],
    ['1 +', 'The expression ends too early at position 3; expected a value', 3, 3],
    ['(1 + 2', 'Expected ")" at position 6 to close the "(" at position 0', 6, 6],
    ['(1 + 2 3', 'Expected ")" at position 7 to close the "(" at position 0, found "3"', 7, 8],
    ['a b', 'Unexpected "b" at position 2; expected an operator or the end of the expression', 2, 3],
    ['a "x"', 'Unexpected text "x" at position 2; expected an operator or the end of the expression', 2, 5],
    ['a )', 'Unexpected ")" at position 2; expected an operator or the end of the expression', 2, 3],
    ['* 2', 'Unexpected "*" at position 0; expected a value', 0, 1],
    ['a and b', 'Unexpected "and" at position 2; did you mean "&&"?', 2, 5],
    ['a or b', 'Unexpected "or" at position 2; did you mean "||"?', 2, 4],
    ['a ? 1', 'Expected ":" at position 5 to go with the "?"', 5, 5],
    ['a ? 1 , 2', 'Expected ":" at position 6 to go with the "?", found ","', 6, 7],
    ['a.', 'The expression ends too early at position 2; expected a field name after "."', 2, 2],
    ['a.1', 'Unexpected "1" at position 2; expected a field name after "."', 2, 3],
    ['.5', 'Unexpected "." at position 0; expected a value', 0, 1],
    ['len(a', 'Expected ")" at position 5 to close the call to len', 5, 5],
    ['len(a,)', 'Unexpected ")" at position 6; expected a value', 6, 7],
    [
      'foo(1)',
      'Unknown function "foo" at position 0; the available functions are: len, lower, upper, trim, contains, startsWith, slice, replace, str, round, floor, ceil, abs, min, max, append, sum, first, rest, money, historyLength, continueAsNewSuggested, workflowId, updateId, filter, map, count, any, all, formatMoney, now, secondsBetween, addSeconds',
      0,
      3,
    ],
    [
      'uper(name)',
      'Unknown function "uper" at position 0; did you mean "upper"? the available functions are: len, lower, upper, trim, contains, startsWith, slice, replace, str, round, floor, ceil, abs, min, max, append, sum, first, rest, money, historyLength, continueAsNewSuggested, workflowId, updateId, filter, map, count, any, all, formatMoney, now, secondsBetween, addSeconds',
      0,
      4,
    ],
    [
      'name.toLowerCase()',
      'Unexpected "(" at position 16; only these functions can be called: len, lower, upper, trim, contains, startsWith, slice, replace, str, round, floor, ceil, abs, min, max, append, sum, first, rest, money, historyLength, continueAsNewSuggested, workflowId, updateId, filter, map, count, any, all, formatMoney, now, secondsBetween, addSeconds',
      16,
      17,
    ],
    [
      '(len)(x)',
      'Unexpected "(" at position 5; only these functions can be called: len, lower, upper, trim, contains, startsWith, slice, replace, str, round, floor, ceil, abs, min, max, append, sum, first, rest, money, historyLength, continueAsNewSuggested, workflowId, updateId, filter, map, count, any, all, formatMoney, now, secondsBetween, addSeconds',
      5,
      6,
    ],
    ['eval("1")', 'Unknown function "eval" at position 0; the available functions are: len, lower, upper, trim, contains, startsWith, slice, replace, str, round, floor, ceil, abs, min, max, append, sum, first, rest, money, historyLength, continueAsNewSuggested, workflowId, updateId, filter, map, count, any, all, formatMoney, now, secondsBetween, addSeconds', 0, 4],
    ['x + this', '"this" at position 4 is a reserved word and cannot be used as a name', 4, 8],
    ['null', '"null" at position 0 is a reserved word and cannot be used as a name', 0, 4],
  ];
  for (const [text, message, start, end] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(parseError(text), { message, start, end }));
  }

  it('passes lexer errors through', () => {
    assert.deepEqual(parseError('a = 1'), { message: 'Unexpected "=" at position 2; did you mean "=="?', start: 2, end: 3 });
  });

  it('rejects every reserved word as a name, with its position', () => {
    for (const word of RESERVED_WORDS) {
      if (word === 'true' || word === 'false') continue;
      const e = parseError(`1 + ${word}`);
      assert.equal(e.message, `"${word}" at position 4 is a reserved word and cannot be used as a name`);
      assert.deepEqual([e.start, e.end], [4, 4 + word.length]);
    }
  });

  it('accepts reserved words after "." (the type checker rejects unknown fields)', () => {
    assert.equal(shape(parse('input.constructor')), 'input.constructor');
    assert.equal(shape(parse('x.__proto__')), 'x.__proto__');
  });

  it('limits nesting depth instead of overflowing the stack', () => {
    const deep = '('.repeat(MAX_NESTING + 5) + '1' + ')'.repeat(MAX_NESTING + 5);
    assert.match(parseError(deep).message, /^The expression is nested too deeply at position \d+$/);
    assert.match(parseError('!'.repeat(5000) + 'a').message, /nested too deeply/);
    assert.match(parseError(Array(3000).fill('-').join(' ') + ' 1').message, /nested too deeply/);
    const fine = '('.repeat(20) + '1' + ')'.repeat(20);
    assert.equal(shape(parse(fine)), '1');
  });

  it('accepts moderately long operator chains', () => {
    const long = Array.from({ length: 150 }, (_, i) => `a${i}`).join(' + ');
    assert.equal(parse(long).kind, 'binary');
  });

  it('rejects trees too deep for the checker and emitter, however they are built', () => {
    const chain = '1+'.repeat(4999) + '1';
    assert.equal(parseError(chain).message, 'The expression is too complex at position 0; split it into smaller steps');
    assert.match(parseError('input' + '.a'.repeat(3000)).message, /too complex/);
  });
});

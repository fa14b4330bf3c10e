import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkExpression } from './check';
import type { ExprError } from './errors';
import { parseExpression } from './parser';
import { SCOPE } from './testing';
import type { ExprType, Scope } from './types';

function typeOf(text: string, scope: Scope = SCOPE): ExprType {
  const p = parseExpression(text);
  if (!p.ok) assert.fail(`parse error: ${p.error.message}`);
  const r = checkExpression(p.ast, scope);
  if (!r.ok) assert.fail(`type errors: ${r.errors.map((e) => e.message).join(' | ')}`);
  return r.type;
}

function errorsOf(text: string, scope: Scope = SCOPE): ExprError[] {
  const p = parseExpression(text);
  if (!p.ok) assert.fail(`parse error: ${p.error.message}`);
  const r = checkExpression(p.ast, scope);
  if (r.ok) assert.fail(`expected type errors for ${JSON.stringify(text)}`);
  return r.errors;
}

function only(text: string): ExprError {
  const errors = errorsOf(text);
  assert.equal(errors.length, 1, errors.map((e) => e.message).join(' | '));
  return errors[0];
}

describe('check: well-typed expressions', () => {
  const cases: Array<[string, ExprType['kind']]> = [
    ['1', 'number'],
    ['"a"', 'string'],
    ['true', 'boolean'],
    ['count', 'number'],
    ['input.amount', 'number'],
    ['input.address.city', 'string'],
    ['args.comment', 'string'],
    ['count * 2 - ratio / 4 % 3', 'number'],
    ['count + 1', 'number'],
    ['"n=" + count', 'string'],
    ['count + "x"', 'string'],
    ['"ok: " + approved', 'string'],
    ['approved + "!"', 'string'],
    ['name + name', 'string'],
    ['count < 3', 'boolean'],
    ['name >= "m"', 'boolean'],
    ['count == 3', 'boolean'],
    ['name != "x"', 'boolean'],
    ['approved == false', 'boolean'],
    ['!approved && flag || input.urgent', 'boolean'],
    ['-count', 'number'],
    ['approved ? "yes" : "no"', 'string'],
    ['count > 1 ? count : 0', 'number'],
    ['len(name)', 'number'],
    ['contains(name, "x")', 'boolean'],
    ['str(approved)', 'string'],
    ['max(count, input.amount)', 'number'],
  ];
  for (const [text, kind] of cases) {
    it(`${text} : ${kind}`, () => assert.equal(typeOf(text).kind, kind));
  }

  it('returns object types only through member access, never as a value', () => {
    assert.deepEqual(typeOf('input.address.city'), { kind: 'string' });
  });
});

describe('check: every rule reports its error with a position', () => {
  const cases: Array<[string, string, number, number]> = [
    ['true+1', 'Cannot add boolean and number at position 4', 4, 5],
    ['approved + flag', 'Cannot add boolean and boolean at position 9', 9, 10],
    ['name - 1', 'Cannot subtract number from string at position 5', 5, 6],
    ['count * "2"', 'Cannot multiply number by string at position 6', 6, 7],
    ['count / true', 'Cannot divide number by boolean at position 6', 6, 7],
    ['name % 2', 'Cannot take the remainder of string divided by number at position 5', 5, 6],
    [
      'count < "3"',
      'Cannot compare number and string with "<" at position 6; both sides must be numbers, both strings or both money',
      6,
      7,
    ],
    [
      'approved >= flag',
      'Cannot compare boolean and boolean with ">=" at position 9; both sides must be numbers, both strings or both money',
      9,
      11,
    ],
    [
      'count == "3"',
      'Cannot compare number and string with "==" at position 6; both sides must have the same type',
      6,
      8,
    ],
    [
      'approved != 0',
      'Cannot compare boolean and number with "!=" at position 9; both sides must have the same type',
      9,
      11,
    ],
    ['!count', 'Expected a boolean after "!", got number at position 1', 1, 6],
    ['-name', 'Expected a number after "-", got string at position 1', 1, 5],
    ['count && approved', 'Expected a boolean on the left of "&&", got number at position 0', 0, 5],
    ['approved || name', 'Expected a boolean on the right of "||", got string at position 12', 12, 16],
    ['count ? 1 : 2', 'Expected a boolean before "?", got number at position 0', 0, 5],
    ['approved ? "a" : 1', 'Both sides of ":" must have the same type, got string and number at position 15', 15, 16],
    ['aproved', 'Unknown name "aproved" at position 0; did you mean "approved"?', 0, 7],
    ['1 + Count', 'Unknown name "Count" at position 4; did you mean "count"?', 4, 9],
    ['zzz', 'Unknown name "zzz" at position 0', 0, 3],
    ['toString', 'Unknown name "toString" at position 0', 0, 8],
    ['input == 1', 'input is an object at position 0; use one of its fields: address, amount, requestId, urgent', 0, 5],
    ['input.address + "x"', 'input.address is an object at position 0; use one of its fields: city', 0, 13],
    ['str(args)', 'args is an object at position 4; use one of its fields: comment', 4, 8],
    ['approved ? input : "x"', 'input is an object at position 11; use one of its fields: address, amount, requestId, urgent', 11, 16],
    ['input.constructor', "input has no field 'constructor' at position 6; its fields are: address, amount, requestId, urgent", 6, 17],
    ['input.__proto__', "input has no field '__proto__' at position 6; its fields are: address, amount, requestId, urgent", 6, 15],
    ['input.prototype', "input has no field 'prototype' at position 6; its fields are: address, amount, requestId, urgent", 6, 15],
    ['input.hasOwnProperty', "input has no field 'hasOwnProperty' at position 6; its fields are: address, amount, requestId, urgent", 6, 20],
    ['input.amout', "input has no field 'amout' at position 6; did you mean 'amount'?", 6, 11],
    ['input.address.town', "input.address has no field 'town' at position 14; its fields are: city", 14, 18],
    ['count.x', 'count is a number and has no fields at position 6', 6, 7],
    ['name.length', 'name is a string and has no fields at position 5; use len(name) for its length', 5, 11],
    ['lower(name).x', 'This value is a string and has no fields at position 12', 12, 13],
    ['len(count)', 'len needs a string or a list, got number at position 4', 4, 9],
    ['round(name)', 'round needs a number, got string at position 6', 6, 10],
    ['contains(name, 1)', 'Argument 2 of contains must be a string, got number at position 15', 15, 16],
    ['min(1, "2")', 'Argument 2 of min must be a number, got string at position 7', 7, 10],
    ['len()', 'len takes 1 argument, got 0 at position 0', 0, 5],
    ['max(1, 2, 3)', 'max takes 2 arguments, got 3 at position 0', 0, 12],
  ];
  for (const [text, message, start, end] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(only(text), { message, start, end }));
  }
});

describe('check: error collection', () => {
  it('reports independent errors together, in source order', () => {
    const errors = errorsOf('(count && x) || nme == 1');
    assert.deepEqual(
      errors.map((e) => e.message),
      [
        'Expected a boolean on the left of "&&", got number at position 1',
        'Unknown name "x" at position 10',
        'Unknown name "nme" at position 16; did you mean "name"?',
      ],
    );
  });

  it('reports an object on each side it is used as a value', () => {
    assert.deepEqual(
      errorsOf('approved ? input : args').map((e) => [e.start, e.end]),
      [
        [11, 16],
        [19, 23],
      ],
    );
  });

  it('does not cascade from a failed sub-expression', () => {
    assert.equal(errorsOf('(zz + 1) * 2 > 3 && true').length, 1);
    assert.equal(errorsOf('len(zz) + 1 == 2').length, 1);
  });

  it('looks names up as own properties only', () => {
    const scope: Scope = { names: {} };
    for (const n of ['toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      assert.equal(errorsOf(n, scope)[0].message, `Unknown name "${n}" at position 0`);
    }
  });

  it('accepts a scope whose names object has no prototype', () => {
    const names: Record<string, ExprType> = Object.create(null) as Record<string, ExprType>;
    names.x = { kind: 'number' };
    assert.equal(typeOf('x + 1', { names }).kind, 'number');
  });
});

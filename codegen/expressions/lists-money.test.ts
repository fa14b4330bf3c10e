import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileExpression } from './index';
import { evaluate } from './testing';
import type { ExprType, Scope } from './types';

const item: ExprType = { kind: 'object', fields: { sku: { kind: 'string' }, price: { kind: 'money' }, quantity: { kind: 'number' } } };
const SCOPE: Scope = {
  names: {
    tags: { kind: 'list', item: { kind: 'string' } },
    scores: { kind: 'list', item: { kind: 'number' } },
    prices: { kind: 'list', item: { kind: 'money' } },
    items: { kind: 'list', item },
    total: { kind: 'money' },
    count: { kind: 'number' },
    args: { kind: 'object', fields: item.kind === 'object' ? item.fields : {} },
  },
};

function code(text: string, expected?: ExprType): string {
  const r = compileExpression(text, SCOPE, expected);
  if (!r.ok) assert.fail(r.errors.map((e) => e.message).join(' | '));
  return r.code;
}

function error(text: string, expected?: ExprType): { message: string; start: number; end: number } {
  const r = compileExpression(text, SCOPE, expected);
  if (r.ok) assert.fail(`expected an error for ${text}, got ${r.code}`);
  return r.errors[0];
}

describe('lists', () => {
  it('[] takes the type of the list it is stored in', () => {
    const r = compileExpression('[]', SCOPE, { kind: 'list', item: { kind: 'string' } });
    assert.ok(r.ok);
    if (r.ok) assert.deepEqual(r.type, { kind: 'list', item: { kind: 'string' } });
  });

  it('append builds a new list, never mutating the old one', () => {
    assert.equal(code('append(tags, "x")'), '[...tags, "x"]');
    assert.deepEqual(evaluate('[...tags, "x"]', { tags: ['a'] }), ['a', 'x']);
    assert.equal(code('append(items, args)'), '[...items, args]');
  });

  it('len, contains and sum', () => {
    assert.equal(code('len(tags) < 50'), 'tags.length < 50');
    assert.equal(code('contains(tags, "vip")'), 'tags.includes("vip")');
    assert.equal(code('sum(scores) / len(scores)'), 'scores.reduce((total, n) => total + n, 0) / scores.length');
    assert.equal(evaluate(code('sum(scores)'), { scores: [1, 2, 3.5] }), 6.5);
  });

  it('first and rest take a queue apart, in order', () => {
    assert.equal(code('first(tags)'), 'tags[0]');
    assert.equal(code('rest(tags)'), 'tags.slice(1)');
    assert.deepEqual(evaluate('[tags[0], tags.slice(1)]', { tags: ['a', 'b', 'c'] }), ['a', ['b', 'c']]);
    assert.equal(error('first([])').message, 'first needs a list with items, got empty list at position 6');
  });

  it('type errors name the position and what fits', () => {
    assert.deepEqual(error('append(tags, 3)'), {
      message: 'Argument 2 of append must be a string (an item of the list), got number at position 13',
      start: 13,
      end: 14,
    });
    assert.equal(error('contains(items, "x")').message, 'Argument 1 of contains must be a list of strings, numbers or booleans, got list of { price: money; quantity: number; sku: string } at position 9');
    assert.equal(error('sum(tags)').message, 'sum needs a list of numbers or of money, got list of string at position 4');
    assert.equal(error('tags + "x"').message, 'Cannot add list of string and string at position 5; use append(list, item) to add to a list');
    assert.equal(error('tags == []').message, 'Cannot compare lists with "==" at position 5; compare len(…) or use contains(…)');
    assert.equal(error('tags', { kind: 'list', item: { kind: 'number' } }).message, 'Expected a list of number, got list of string');
    assert.equal(error('a[0]').message, 'Unexpected "[" at position 1; index access is not supported (use first, contains, filter, len or sum)');
  });
});

describe('money', () => {
  it('arithmetic and comparisons go through the exact helpers', () => {
    assert.equal(code('money("1299.99") + money("29.99") * 2'), 'addMoney(money("1299.99"), multiplyMoney(money("29.99"), 2))');
    assert.equal(code('total + args.price * args.quantity'), 'addMoney(total, multiplyMoney(args.price, args.quantity))');
    assert.equal(code('args.quantity * args.price'), 'multiplyMoney(args.price, args.quantity)');
    assert.equal(code('total - args.price'), 'subtractMoney(total, args.price)');
    assert.equal(code('args.price == total'), 'compareMoney(args.price, total) === 0');
    assert.equal(code('total >= money("100") && count > 1'), 'compareMoney(total, money("100")) >= 0 && count > 1');
    assert.equal(code('sum(prices)'), 'sumMoney(prices)');
    assert.equal(code('"Total: " + str(total)'), '"Total: " + String(total)');
  });

  it('never mixes money with floats', () => {
    assert.equal(error('total + 1').message, 'Cannot add money and number at position 6; write amounts as money("…"), or multiply money by a number');
    assert.equal(error('total / 2').message, 'Cannot divide money by number at position 6; write amounts as money("…"), or multiply money by a number');
    assert.equal(error('total == 0').message, 'Cannot compare money and number with "==" at position 6; both sides must have the same type');
    assert.deepEqual(error('money("12,50")'), {
      message: 'money needs digits with an optional "." and decimals, such as "1299.99", got "12,50" at position 6',
      start: 6,
      end: 13,
    });
    assert.equal(error('total', { kind: 'number' }).message, 'Expected a number, got money');
    assert.equal(error('-total').message, 'Expected a number after "-", got money at position 1; subtract it from money("0") instead');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FUNCTIONS, FUNCTION_NAMES, isFunctionName } from './functions';
import { compileExpression } from './index';
import { SCOPE, evaluate } from './testing';

function run(text: string): unknown {
  const r = compileExpression(text, SCOPE);
  if (!r.ok) assert.fail(r.errors.map((e) => e.message).join(' | '));
  return evaluate(r.code);
}

describe('functions: the allow-list', () => {
  it('is exactly the documented set', () => {
    assert.deepEqual(FUNCTION_NAMES, [
      'len', 'lower', 'upper', 'trim', 'contains', 'startsWith', 'slice', 'replace', 'str',
      'round', 'floor', 'ceil', 'abs', 'min', 'max', 'append', 'sum', 'first', 'rest', 'money',
      'historyLength', 'continueAsNewSuggested', 'workflowId', 'updateId',
      'filter', 'map', 'count', 'any', 'all', 'formatMoney', 'now', 'secondsBetween', 'addSeconds',
    ]);
  });

  it('does not treat inherited object properties as functions', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      assert.equal(isFunctionName(name), false, name);
    }
  });

  it('declares a return type and a parameter list for each', () => {
    for (const name of FUNCTION_NAMES) {
      const spec = FUNCTIONS[name];
      assert.ok(spec.params.length <= 3, name);
      assert.match(spec.returns, /^(string|number|boolean|money|same-list|list-item|computed)$/);
    }
  });
});

describe('functions: types and behaviour', () => {
  const cases: Array<[string, 'string' | 'number' | 'boolean', unknown]> = [
    ['len("héllo")', 'number', 5],
    ['lower("ABC")', 'string', 'abc'],
    ['upper("abc")', 'string', 'ABC'],
    ['trim("  x  ")', 'string', 'x'],
    ['contains("approval", "prov")', 'boolean', true],
    ['contains("approval", "x")', 'boolean', false],
    ['startsWith("approval", "app")', 'boolean', true],
    ['str(12.5)', 'string', '12.5'],
    ['str(true)', 'string', 'true'],
    ['str("x")', 'string', 'x'],
    ['round(2.5)', 'number', 3],
    ['floor(2.7)', 'number', 2],
    ['ceil(2.1)', 'number', 3],
    ['abs(-4)', 'number', 4],
    ['min(3, 9)', 'number', 3],
    ['max(3, 9)', 'number', 9],
  ];
  for (const [text, type, value] of cases) {
    it(`${text} : ${type} = ${JSON.stringify(value)}`, () => {
      const r = compileExpression(text, SCOPE);
      assert.ok(r.ok);
      if (!r.ok) return;
      assert.equal(r.type.kind, type);
      assert.deepEqual(run(text), value);
    });
  }

  it('works on names and nested calls', () => {
    assert.equal(run('len(upper(trim(name))) + len(input.requestId)'), 6);
  });

  it('can use a function name as a variable when it is in scope', () => {
    const r = compileExpression('len + len("ab")', { names: { len: { kind: 'number' } } });
    assert.ok(r.ok);
    if (r.ok) assert.equal(r.code, 'len + "ab".length');
  });
});

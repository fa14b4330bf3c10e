import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { emitExpression } from './emit';
import { compileExpression } from './index';
import { evaluate } from './testing';
import { formatType, type Scope } from './types';
import { exprTsType } from '../field-types';

/** The chapter's get_approval_status (6.4.1) lists only the roles the amount needs: `none` leaves a field out. */
const SCOPE: Scope = {
  names: {
    required: { kind: 'number' },
    managerStatus: { kind: 'string' },
    directorStatus: { kind: 'string' },
    vpStatus: { kind: 'string' },
    total: { kind: 'money' },
  },
};
const STATUS = '{manager: managerStatus, director: required >= 2 ? directorStatus : none, vp: required >= 3 ? vpStatus : none}';

function compile(text: string) {
  const r = compileExpression(text, SCOPE);
  if (!r.ok) assert.fail(r.errors.map((e) => e.message).join(' | '));
  return r;
}

function errorOf(text: string): string {
  const r = compileExpression(text, SCOPE);
  assert.equal(r.ok, false, text);
  return r.ok ? '' : r.errors.map((e) => e.message).join(' | ');
}

describe('record fields that may be none', () => {
  const env = (required: number) => ({ required, managerStatus: 'pending', directorStatus: 'approved', vpStatus: 'pending', total: '1.00' });

  it('leaves a none field out of the record, keeps it when it has a value', () => {
    const { code } = compile(STATUS);
    assert.deepEqual(evaluate(code, env(1)), { manager: 'pending' });
    assert.deepEqual(evaluate(code, env(2)), { manager: 'pending', director: 'approved' });
    assert.deepEqual(evaluate(code, env(3)), { manager: 'pending', director: 'approved', vp: 'pending' });
    // Absent, not present-and-undefined: a JSON client sees no key at all.
    assert.equal(JSON.stringify(evaluate(code, env(1))), '{"manager":"pending"}');
  });

  it('types such a field as optional, and TypeScript spells it so', () => {
    const { type, code } = compile(STATUS);
    assert.equal(formatType(type), '{ director?: string; manager: string; vp?: string }');
    assert.equal(exprTsType(type), '{ manager: string; director?: string; vp?: string }');
    assert.equal(code, '({ manager: managerStatus, ...(required >= 2 ? { director: directorStatus } : {}), ...(required >= 3 ? { vp: vpStatus } : {}) })');
    // The emitted record type-checks against the spelled type (strict TypeScript).
    const source = `declare const required: number, managerStatus: string, directorStatus: string, vpStatus: string;\nexport const status: ${exprTsType(type)} = ${code};\n`;
    const diagnostics = transpileDiagnostics(source);
    assert.deepEqual(diagnostics, []);
  });

  it('allows none on either side and nested conditionals, and money values', () => {
    const { code, type } = compile('{a: required < 2 ? none : total, b: required == 1 ? "one" : required == 2 ? "two" : none}');
    assert.equal(formatType(type), '{ a?: money; b?: string }');
    assert.deepEqual(evaluate(code, env(1)), { b: 'one' });
    assert.deepEqual(evaluate(code, env(2)), { a: '1.00', b: 'two' });
    assert.deepEqual(evaluate(code, env(3)), { a: '1.00' });
  });

  it('refuses none anywhere but a record field, and a field that is always none', () => {
    assert.match(errorOf('none'), /none can only be a record field's value at position 0/);
    assert.match(errorOf('required > 1 ? "x" : none'), /none can only be a record field's value/);
    assert.match(errorOf('{a: [none]}'), /none can only be a record field's value/);
    assert.match(errorOf('{a: none}'), /The field "a" is always none at position 4; leave it out/);
    assert.match(errorOf('{a: required > 1 ? "x" : none} == 1'), /object/);
    assert.match(errorOf('{a: required > 1 ? 1 : none, b: required ? 1 : none}'), /Expected a boolean before "\?", got number/);
    assert.match(errorOf('{a: required > 1 ? 1 : required > 2 ? "x" : none}'), /Both sides of ":" must have the same type, got number and string/);
    assert.match(errorOf('filter([{a: required > 1 ? 1 : none}], r => r.a > 0)'), /may be left out \(none\)/);
  });

  it('is a reserved word for the name of a list item', () => {
    assert.match(errorOf('filter([1], none => true)'), /reserved word/);
  });

  it('emits only fixed text around validated keys', () => {
    const none = { kind: 'none' as const, start: 0, end: 1 };
    const test = { kind: 'boolean' as const, value: true, start: 0, end: 1 };
    const field = (key: string) => ({ key, keyStart: 0, value: { kind: 'conditional' as const, test, consequent: { kind: 'number' as const, value: 1, start: 0, end: 1 }, alternate: none, colonStart: 0, start: 0, end: 1 } });
    assert.throws(() => emitExpression({ kind: 'record', fields: [field('a}), process.exit(1), ({b')], start: 0, end: 1 }), /Refusing to emit invalid property name/);
    assert.throws(() => emitExpression({ kind: 'record', fields: [field('__proto__')], start: 0, end: 1 }), /Refusing to emit invalid property name/);
    assert.throws(() => emitExpression(none), /none in an expression AST outside a record field/);
    assert.equal(emitExpression({ kind: 'record', fields: [field('a')], start: 0, end: 1 }), '({ ...(true ? { a: 1 } : {}) })');
  });
});

/** Semantic diagnostics of one strict in-memory TypeScript file. */
function transpileDiagnostics(source: string): string[] {
  const fileName = 'status.ts';
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => (name === fileName ? ts.createSourceFile(name, source, language) : read(name, language));
  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

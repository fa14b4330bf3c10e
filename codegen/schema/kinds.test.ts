import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { MESSAGES } from '../messages';
import { STEPS } from '../steps';
import { templatesDir } from '../templates-dir';
import { HANDLER_NODE_TYPES, NodeSchema } from './design';

const codegen = join(import.meta.dirname, '..');

test("every node kind's fields come from exactly one definition (codegen/steps or codegen/messages), the very schema NodeSchema unites", () => {
  const definitions = [...Object.values(STEPS), ...Object.values(MESSAGES)];
  const kinds = NodeSchema.options.map((option) => option.shape.type.value);
  assert.deepEqual([...kinds].sort(), definitions.map((d) => d.kind).sort(), 'one definition per kind, no kind without one');
  for (const option of NodeSchema.options) {
    const owners = definitions.filter((d) => d.schema === option);
    assert.equal(owners.length, 1, `${option.shape.type.value}: its schema is declared by exactly one definition`);
    assert.equal(owners[0]!.kind, option.shape.type.value);
  }
  assert.deepEqual(Object.keys(MESSAGES).sort(), [...HANDLER_NODE_TYPES].sort());
});

test("every partial a message kind names is a template, and its UI module exists where its file says", () => {
  assert.ok(existsSync(join(codegen, '..', 'components/flow/nodes/HandlerNode.tsx')));
  for (const message of Object.values(MESSAGES)) {
    for (const partial of message.partials) assert.ok(existsSync(join(templatesDir(), 'partials', `${partial}.hbs`)), `${message.kind}: ${partial}.hbs`);
    const ui = `components/steps/${message.kind}.tsx`;
    assert.ok(existsSync(join(codegen, '..', ui)), `${message.kind}: ${ui}`);
    assert.match(readFileSync(join(codegen, 'messages', `${message.kind}.ts`), 'utf8'), new RegExp(`UI: ${ui}`));
  }
});

/** The modules `file` imports at run time (type-only imports are erased, so they cannot form a cycle). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => m[1]!);
  return specifiers.map((s) => [`${resolve(dirname(file), s)}.ts`, join(resolve(dirname(file), s), 'index.ts')].find(existsSync)!).filter(Boolean);
}

test('the kind definitions import no value back from codegen/schema/design.ts, so loading the schema has no import cycle', () => {
  const design = join(codegen, 'schema', 'design.ts');
  const seen = new Set<string>();
  const visit = (file: string, path: string[]): void => {
    for (const next of runtimeImports(file)) {
      assert.notEqual(next, design, `import cycle: ${[...path, next].map((f) => f.slice(codegen.length + 1)).join(' → ')}`);
      if (seen.has(next)) continue;
      seen.add(next);
      visit(next, [...path, next]);
    }
  };
  visit(design, [design]);
  assert.ok(seen.has(join(codegen, 'steps', 'wait.ts')) && seen.has(join(codegen, 'messages', 'update.ts')), 'the walk reaches the kind files');
});

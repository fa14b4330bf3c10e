import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compileDesign } from './pipeline';
import type { DesignResolutions } from './validate';
import { typecheckFiles } from './verify/typecheck';

/**
 * Golden tests: each folder under __golden__ holds a design and the files Signalbox generates
 * from it, committed so a reviewer reads generated code in the diff. UPDATE_GOLDEN=1 rewrites them.
 * A design that names other designs is compiled as the deploy compiles it, with their task queues
 * from references.json beside it.
 */
const goldenRoot = join(dirname(fileURLToPath(import.meta.url)), '__golden__');

for (const name of readdirSync(goldenRoot)) {
  const dir = join(goldenRoot, name);
  test(`golden: ${name} generates exactly the committed code`, async () => {
    const design: unknown = JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8'));
    const references = join(dir, 'references.json');
    const designs = existsSync(references) ? (JSON.parse(readFileSync(references, 'utf8')) as DesignResolutions) : undefined;
    const result = await compileDesign(design, { designs });
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.ok(result.ok);
    for (const file of result.files) {
      const path = join(dir, file.path);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.contents);
      }
      assert.equal(file.contents, readFileSync(path, 'utf8'), `${name}/${file.path} differs from the committed golden file`);
    }
  });

  test(`golden: ${name} type-checks against the real @temporalio types`, () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.ok(files.includes('workflows.ts'));
    assert.deepEqual(typecheckFiles({ dir, files }), []);
  });
}

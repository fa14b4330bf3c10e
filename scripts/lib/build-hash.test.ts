import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildSourceHash } from './build-hash';

async function project(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'signalbox-build-hash-'));
  await mkdir(join(root, 'app'), { recursive: true });
  await mkdir(join(root, 'app/node_modules'), { recursive: true });
  await writeFile(join(root, 'app/page.tsx'), 'export default function Page() {}\n');
  await writeFile(join(root, 'next.config.js'), 'export default {};\n');
  return root;
}

test('the hash changes with a source file and with a build setting next.config.js reads, not with ignored files', async () => {
  const root = await project();
  try {
    const base = await buildSourceHash(root, {});
    assert.equal(await buildSourceHash(root, {}), base, 'stable');
    assert.notEqual(await buildSourceHash(root, { SIGNALBOX_BROWSER_SOURCE_MAPS: '1' }), base, 'a profiling build is a different build');
    assert.equal(await buildSourceHash(root, { UNRELATED: 'x' }), base);
    await writeFile(join(root, 'app/node_modules/x.js'), 'ignored');
    await writeFile(join(root, 'app/.cache'), 'ignored');
    assert.equal(await buildSourceHash(root, {}), base);
    await writeFile(join(root, 'app/page.tsx'), 'export default function Page() { return null; }\n');
    assert.notEqual(await buildSourceHash(root, {}), base);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

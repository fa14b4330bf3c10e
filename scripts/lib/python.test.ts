/**
 * The Python installer for the integration tests (scripts/lib/python.ts) reports why it cannot
 * make its virtualenv, naming the interpreter it looked for — `npm test` prints that reason and the
 * Python-client test fails with it rather than skipping.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureTestPython } from './python';

test('no interpreter: a reason naming it and the way out, and no virtualenv left behind', async () => {
  const cache = await mkdtemp(join(tmpdir(), 'signalbox-python-'));
  const saved = { cache: process.env.SIGNALBOX_CACHE_DIR, python: process.env.SIGNALBOX_PYTHON };
  process.env.SIGNALBOX_CACHE_DIR = cache;
  process.env.SIGNALBOX_PYTHON = join(cache, 'no-such-python3');
  try {
    const result = await ensureTestPython();
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.match(result.reason, /tests\/python\/requirements\.txt/);
    assert.match(result.reason, /no-such-python3 --version` failed/);
    assert.match(result.reason, /set SIGNALBOX_PYTHON/);
    assert.deepEqual(await readdir(cache), []);
  } finally {
    for (const [name, value] of [['SIGNALBOX_CACHE_DIR', saved.cache], ['SIGNALBOX_PYTHON', saved.python]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(cache, { recursive: true, force: true });
  }
});

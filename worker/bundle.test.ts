/** The cached bundling path produces exactly the SDK's default bundle, cold and warm. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeBuild, type Build } from '@/codegen/testing/build';
import { approvalDesign } from '@/codegen/testing/designs';
import { bundleWorkflows } from './bundle';

let build: Build;
const cacheDir = mkdtempSync(join(tmpdir(), 'sb-bundle-cache-'));

before(async () => {
  process.env.SIGNALBOX_BUNDLE_CACHE_DIR = cacheDir;
  build = await writeBuild(approvalDesign());
});
after(() => {
  build?.remove();
  rmSync(cacheDir, { recursive: true, force: true });
  delete process.env.SIGNALBOX_BUNDLE_CACHE_DIR;
});

test('bundles from a cold and a warm webpack cache are byte-identical to the default bundle', async () => {
  const uncached = await bundleWorkflows({ workflowsPath: build.workflowsPath, cache: false });
  const cold = await bundleWorkflows({ workflowsPath: build.workflowsPath });
  assert.ok(readdirSync(cacheDir).length > 0, 'the cache was written');
  const warm = await bundleWorkflows({ workflowsPath: build.workflowsPath });
  assert.ok(uncached.code.includes('globalThis.__webpack_module_cache__'), 'the SDK bundler ran (reusable-context module cache)');
  assert.ok(uncached.code.includes('ApprovalWorkflow'));
  assert.equal(cold.code, uncached.code);
  assert.equal(warm.code, uncached.code);
});

/**
 * The promise taken literally: the exported approval project, written to a fresh folder
 * OUTSIDE this repository (so nothing resolves from our node_modules), passes its own
 * `npm ci` (exactly its package-lock.json) and its own `npm test` (every path of the design, on
 * Temporal's time-skipping test server). npm's cache (~/.npm) makes the install quick after the first run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { ensureTestServer } from '../../scripts/lib/test-server';
import { approvalDesign } from '../testing/designs';
import { exportProject } from './index';

let dir: string;
let testServer: string;

before(async () => {
  testServer = await ensureTestServer();
  const result = await exportProject(approvalDesign());
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  dir = mkdtempSync(join(tmpdir(), 'signalbox-export-install-'));
  for (const file of result.files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  output: string;
}

/** Runs an npm command in the exported project, as its user would, keeping stdout+stderr interleaved. */
function npm(args: string[], timeoutMs: number): Promise<Run> {
  // The child is a standalone run (no parent test runner, no npm lifecycle context of ours).
  // The tests run on the time-skipping test server; here a local copy of it (no CDN to download from).
  const env: NodeJS.ProcessEnv = { ...process.env, TEMPORAL_TEST_SERVER_PATH: testServer };
  for (const key of Object.keys(env)) {
    if (key === 'NODE_TEST_CONTEXT' || key === 'NODE_OPTIONS' || key.startsWith('npm_')) delete env[key];
  }
  return new Promise((resolve) => {
    const child = spawn('npm', args, {
      cwd: dir,
      env,
      timeout: timeoutMs,
      stdio: ['ignore', 'pipe', 'pipe'] as const,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code, signal) => resolve({ code, output: signal ? `${output}\n(killed by ${signal} after ${timeoutMs} ms)` : output }));
  });
}

/** The last lines of a command's output, enough to see why it failed. */
function tail(output: string, lines = 40): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}

test("the exported project's own `npm ci && npm test` pass, outside our repo (its package-lock.json installs as is)", { timeout: 300_000 }, async () => {
  const install = await npm(['ci', '--no-audit', '--no-fund'], 180_000);
  assert.equal(install.code, 0, `npm ci failed in ${dir}:\n${tail(install.output)}`);
  const ownTest = await npm(['test'], 110_000);
  assert.equal(ownTest.code, 0, `npm test failed in ${dir}:\n${tail(ownTest.output)}`);
  assert.match(ownTest.output, /# pass 6\n# fail 0/);
});

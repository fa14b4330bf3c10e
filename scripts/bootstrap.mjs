#!/usr/bin/env node
// Signalbox bootstrap — dependency-free: runs before node_modules exists.
//
//   node scripts/bootstrap.mjs start [args…]   (npm start)
//   node scripts/bootstrap.mjs test  [args…]   (npm test)
//
// 1. Ensures node_modules is installed and current: runs `npm ci --no-audit --no-fund`
//    (with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1) when node_modules is missing or
//    package-lock.json is newer than node_modules/.package-lock.json.
// 2. Runs `node --import tsx scripts/<start|test>.ts` with inherited stdio, forwarding
//    SIGINT/SIGTERM to it and exiting with its exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const commands = { start: 'scripts/start.ts', test: 'scripts/test.ts' };

const [command, ...rest] = process.argv.slice(2);
if (!command || !(command in commands)) {
  console.error(`usage: node scripts/bootstrap.mjs <${Object.keys(commands).join('|')}> [args…]`);
  process.exit(2);
}

process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

function needsInstall() {
  const lock = join(root, 'package-lock.json');
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules is missing';
  // A symlinked node_modules belongs to another checkout: `npm ci` would empty its target.
  if (lstatSync(join(root, 'node_modules')).isSymbolicLink()) {
    console.log('[bootstrap] node_modules is a symlink: not touching it (run npm ci where it points)');
    return null;
  }
  if (!existsSync(installed)) return 'node_modules/.package-lock.json is missing';
  if (!existsSync(join(root, 'node_modules', 'tsx'))) return 'tsx is not installed';
  if (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
    return 'package-lock.json is newer than node_modules';
  }
  return null;
}

const reason = needsInstall();
if (reason) {
  console.log(`[bootstrap] ${reason}: running npm ci --no-audit --no-fund`);
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (result.error || result.status !== 0) {
    console.error(`[bootstrap] npm ci failed (${result.error ? result.error.message : `exit code ${result.status}`})`);
    process.exit(1);
  }
  console.log(`[bootstrap] dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const child = spawn(process.execPath, ['--import', 'tsx', commands[command], ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

let forwarded = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // With a terminal, Ctrl-C already reaches the child (same process group); forwarding
    // again is harmless for our supervisors (they ignore repeated signals while stopping).
    forwarded = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`[bootstrap] could not run ${commands[command]}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  // Child died from a signal. If we forwarded a stop request, treat it as a clean stop.
  process.exit(forwarded && (signal === 'SIGINT' || signal === 'SIGTERM') ? 0 : 1);
});

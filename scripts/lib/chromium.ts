// Makes sure Debian's Chromium is at /usr/bin/chromium for Playwright (Playwright never
// downloads a browser here: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 and an explicit executablePath).
import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export type ChromiumResult = { ok: true; path: string } | { ok: false; reason: string };

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    process.stdout.write(`[chromium] $ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', () => resolve(-1));
    child.on('exit', (code) => resolve(code));
  });
}

export async function ensureChromium(): Promise<ChromiumResult> {
  if (await executable(CHROMIUM_PATH)) return { ok: true, path: CHROMIUM_PATH };
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    return { ok: false, reason: `${CHROMIUM_PATH} is missing and we are not root to install it (apt-get install -y chromium)` };
  }
  const started = Date.now();
  process.stdout.write(`[chromium] ${CHROMIUM_PATH} is missing: installing Debian's chromium package …\n`);
  if ((await run('apt-get', ['update'])) !== 0) {
    process.stdout.write('[chromium] apt-get update failed; trying the install anyway\n');
  }
  const code = await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (code !== 0 || !(await executable(CHROMIUM_PATH))) {
    return { ok: false, reason: `apt-get install -y chromium failed (exit code ${code})` };
  }
  process.stdout.write(`[chromium] installed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return { ok: true, path: CHROMIUM_PATH };
}

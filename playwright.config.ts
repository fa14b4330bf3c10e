// Playwright: Chromium only (Debian's /usr/bin/chromium — Playwright never downloads a browser
// here), one worker. The web server is the whole stack (scripts/start.ts) on its own ports and a
// fresh data directory (.data-e2e, deleted by start.ts at launch via SIGNALBOX_RESET_DATA), so
// it never touches a developer's `npm start` on 3000/7233/8233/5433/3001.
import { defineConfig, devices } from '@playwright/test';
import { ADMIN_STORAGE_STATE } from './e2e/auth';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 120_000,
  // Screenshot baselines (e2e/monitor-screens.spec.ts): the same Chromium and fonts everywhere, so only
  // anti-aliasing may differ — a few hundred pixels of a page, never a moved or missing element.
  expect: { timeout: 15_000, toHaveScreenshot: { maxDiffPixelRatio: 0.002, animations: 'disabled', caret: 'hide' } },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'playwright-report/results.json' }]],
  // Creates the admin on the fresh data directory (the first visit) and saves the signed-in state.
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL,
    // Every test starts signed in as the e2e admin (e2e/fixtures.ts says how to start signed out).
    storageState: ADMIN_STORAGE_STATE,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node --import tsx scripts/start.ts',
    url: baseURL,
    // A production build plus the Temporal dev server: ~1 min on an idle machine, several on a busy one.
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    // start.ts stops its children in order on SIGTERM (the default would SIGKILL it and orphan them).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    env: {
      SIGNALBOX_DATA_DIR: '.data-e2e',
      SIGNALBOX_RESET_DATA: '1',
      PORT: String(PORT),
      // Overridable so a second suite (another clone) can run beside this one.
      TEMPORAL_PORT: process.env.E2E_TEMPORAL_PORT ?? '7300',
      TEMPORAL_UI_PORT: process.env.E2E_TEMPORAL_UI_PORT ?? '8300',
      SIGNALBOX_PGLITE_PORT: process.env.E2E_PGLITE_PORT ?? '5500',
      WORKER_HEALTH_PORT: process.env.E2E_WORKER_HEALTH_PORT ?? '3101',
      NEXT_TELEMETRY_DISABLED: '1',
      // Use the embedded services even when the developer's shell points at external ones.
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      // The suite's global setup creates the admin through the first-visit page.
      SIGNALBOX_ADMIN_USERNAME: '',
      SIGNALBOX_ADMIN_PASSWORD: '',
    },
  },
});

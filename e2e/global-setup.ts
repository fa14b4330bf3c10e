/**
 * Runs once, after the web server is up and before any spec: the suite's first visit. On the
 * fresh e2e data directory every page leads to /setup, where the admin is created (the product's
 * real first-run flow, asserted step by step); on a reused server the admin signs in instead.
 * The signed-in state is saved for every spec (playwright.config.ts `use.storageState`).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, expect, type FullConfig } from '@playwright/test';
import { ADMIN_STORAGE_STATE, E2E_ADMIN } from './auth';
import { LoginPage } from './pages/LoginPage';

export default async function globalSetup(config: FullConfig): Promise<void> {
  const { baseURL, launchOptions } = config.projects[0]!.use;
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ baseURL });
    const login = new LoginPage(page);
    const status = (await (await page.request.get('/api/auth/status')).json()) as { setupRequired: boolean };
    if (status.setupRequired) {
      await page.goto('/');
      await page.waitForURL(/\/setup$/);
      await login.createAdmin(E2E_ADMIN);
      await page.waitForURL((url) => url.pathname === '/');
      await expect(page.getByTestId('user-name')).toHaveText(E2E_ADMIN.displayName);
      await expect(page.getByTestId('user-roles')).toHaveText('admin');
    } else {
      await page.goto('/login');
      await login.signIn(E2E_ADMIN.username, E2E_ADMIN.password);
    }
    mkdirSync(dirname(ADMIN_STORAGE_STATE), { recursive: true });
    await page.context().storageState({ path: ADMIN_STORAGE_STATE });
  } finally {
    await browser.close();
  }
}

/**
 * The one place specs get `test` and `expect` from, so that cross-cutting setup is added here and
 * every spec picks it up. Signing in: e2e/global-setup.ts creates the admin on the fresh data
 * directory and playwright.config.ts gives every test its signed-in state, so specs start as the
 * admin. A spec that needs someone else uses `test.use({ storageState: SIGNED_OUT })` and signs
 * in with LoginPage.
 */
export { expect, test } from '@playwright/test';
export { E2E_ADMIN } from './auth';

/** For `test.use({ storageState: SIGNED_OUT })`: a browser without a session. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/**
 * The one place specs get `test` and `expect` from, so that cross-cutting setup (signing in, once
 * accounts exist) is added here and every spec picks it up.
 */
export { expect, test } from '@playwright/test';

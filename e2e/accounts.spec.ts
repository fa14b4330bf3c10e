/**
 * Accounts as people use them. The first visit (creating the admin on /setup) is the suite's
 * global setup (e2e/global-setup.ts), run on the fresh data directory before any spec; here:
 * setup is closed afterwards, the admin creates a viewer, the viewer reads but cannot deploy or
 * administer, hostile names render as text, API tokens work and can be revoked, sign-out ends
 * the session.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { E2E_ADMIN, expect, SIGNED_OUT, test } from './fixtures';
import { AdminUsersPage } from './pages/AdminUsersPage';
import { LoginPage } from './pages/LoginPage';

const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_LABEL = '<script>window.__pwned = 1</script>';

/** A browser context of its own (the admin's stored session must survive this spec's sign-outs). */
async function signedInAs(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto('/login');
  await new LoginPage(page).signIn(username, password);
  return page;
}

/** Fails the test if any script a name smuggled in ever runs. */
function watchForScripts(page: Page): () => void {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return () => expect(dialogs, 'no alert() ran').toEqual([]);
}

test.describe('signed out', () => {
  test.use({ storageState: SIGNED_OUT });

  test('after the first visit, setup is closed and every page asks to sign in', async ({ page }) => {
    await page.goto('/setup');
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/designs/some-design');
    await expect(page).toHaveURL(/\/login\?next=%2Fdesigns%2Fsome-design$/);

    const again = await page.request.post('/api/auth/setup', { data: { username: 'mallory', password: 'a second admin' } });
    expect(again.status()).toBe(409);
    expect((await page.request.get('/api/designs')).status()).toBe(401);

    await new LoginPage(page).signIn(E2E_ADMIN.username, 'not the password', { expectSuccess: false });
    await expect(page.getByTestId('form-error')).toHaveText('Wrong username or password.');
    // The right password goes back to the page that was asked for.
    await page.getByTestId('field-password').fill(E2E_ADMIN.password);
    await page.getByTestId('submit').click();
    await expect(page).toHaveURL(/\/designs\/some-design$/);
    await expect(page.getByTestId('user-name')).toHaveText(E2E_ADMIN.displayName);
  });
});

test('the admin creates a viewer, who reads but cannot deploy or administer, sees hostile names as text, and signs out', async ({ page, browser }) => {
  // The admin (signed in by the global setup) stores a design whose name and label are HTML.
  const design = structuredClone(approval);
  design.name = HOSTILE_NAME;
  design.nodes.find((n: { id: string }) => n.id === 'await-approval').label = HOSTILE_LABEL;
  const created = await page.request.post('/api/designs', { data: { design } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const username = `viewer-${Date.now().toString(36)}`;
  const admin = new AdminUsersPage(page);
  await admin.open();
  await admin.createUser({ username, displayName: 'Vic Viewer', password: 'viewer password', roles: ['viewer'] });
  await expect(admin.row(username).getByTestId('role-viewer')).toBeChecked();
  await expect(admin.row(username).getByTestId('role-designer')).not.toBeChecked();
  await expect(page.getByTestId('audit-table')).toContainText('user.create');

  const viewer = await signedInAs(browser, username, 'viewer password');
  const noScriptsRan = watchForScripts(viewer);
  await expect(viewer.getByTestId('user-roles')).toHaveText('viewer');
  await expect(viewer.getByTestId('admin-link')).toHaveCount(0);

  // The home page lists the design by its literal name: text, not an <img>.
  const card = viewer.getByTestId('design-card').filter({ hasText: HOSTILE_NAME });
  await expect(card).toBeVisible();
  await expect(viewer.locator('img[src="x"]')).toHaveCount(0);

  // The designer shows the label as text; deploying is refused with the reason.
  await card.click();
  await viewer.waitForURL(new RegExp(`/designs/${id}$`));
  await expect(viewer.getByText(HOSTILE_LABEL).first()).toBeVisible();
  expect(await viewer.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await viewer.getByTestId('deploy-button').click();
  await expect(viewer.getByTestId('deploy-status')).toContainText('needs one of the roles admin, designer');
  const deploy = await viewer.request.post(`/api/designs/${id}/deployments`, { data: {} });
  expect(deploy.status()).toBe(403);
  expect((await page.request.get(`/api/designs/${id}/deployments`)).status()).toBe(200);

  // Administration is not for viewers.
  await viewer.goto('/admin/users');
  await expect(viewer.getByTestId('not-allowed')).toContainText('needs the admin role');
  expect((await viewer.request.get('/api/admin/users')).status()).toBe(403);
  noScriptsRan();

  // Signing out ends the session: the next page asks to sign in again.
  await new LoginPage(viewer).signOut();
  await viewer.goto('/');
  await expect(viewer).toHaveURL(/\/login$/);
  expect((await viewer.request.get('/api/designs')).status()).toBe(401);
  await viewer.context().close();
});

test('an API token issued on the admin page works as a Bearer token until it is revoked', async ({ page, playwright, baseURL }) => {
  const admin = new AdminUsersPage(page);
  await admin.open();
  const name = `ci-${Date.now().toString(36)}`;
  await page.getByTestId('token-name').fill(name);
  await page.getByTestId('issue-token').click();
  const secret = (await page.getByTestId('token-secret-value').textContent())!;
  expect(secret).toMatch(/^sbx_/);

  const client = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT });
  const headers = { authorization: `Bearer ${secret}` };
  expect((await client.get('/api/designs', { headers })).status()).toBe(200);

  await page.getByTestId(`token-row-${name}`).getByTestId('revoke-token').click();
  await expect(page.getByTestId(`token-row-${name}`).getByTestId('token-revoked')).toBeVisible();
  expect((await client.get('/api/designs', { headers })).status()).toBe(401);
  await client.dispose();
});

test('role changes, password resets and disabling on the admin page take effect at once', async ({ page, browser }) => {
  const username = `olly-${Date.now().toString(36)}`;
  const admin = new AdminUsersPage(page);
  await admin.open();
  await admin.createUser({ username, displayName: 'Olly', password: 'first password', roles: ['viewer'] });
  const row = admin.row(username);

  const user = await signedInAs(browser, username, 'first password');
  expect((await user.request.post('/api/executions', { data: {} })).status()).toBe(403);

  // Made an operator: the same session may now start executions (the empty body is what fails).
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/admin/users/'));
  await row.getByTestId('role-operator').check();
  expect((await saved).status()).toBe(200);
  await expect(row.getByTestId('role-operator')).toBeChecked();
  expect((await user.request.post('/api/executions', { data: {} })).status()).toBe(400);

  // A password reset signs the user out everywhere; the new password works.
  await row.getByTestId('reset-password').click();
  await row.getByTestId('new-password').fill('second password');
  await row.getByTestId('save-password').click();
  await expect(row.getByTestId('reset-password')).toBeVisible();
  expect((await user.request.get('/api/auth/me')).status()).toBe(401);
  await user.goto('/login');
  await new LoginPage(user).signIn(username, 'second password');

  // Disabled: signed out at once, and signing in is refused with the reason.
  await row.getByTestId('toggle-disabled').click();
  await expect(row.getByTestId('user-status')).toHaveText('Disabled');
  expect((await user.request.get('/api/auth/me')).status()).toBe(401);
  await user.goto('/login');
  await new LoginPage(user).signIn(username, 'second password', { expectSuccess: false });
  await expect(user.getByTestId('form-error')).toHaveText('This account is disabled: ask an admin to enable it.');
  await user.context().close();
});

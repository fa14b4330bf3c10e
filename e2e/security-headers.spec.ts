/**
 * Finding 6 of issue 10 in a real browser against the production build: the security headers on
 * a page and an API answer, and no Content-Security-Policy violation on the login page, the
 * designer and an execution page (Next's scripts, CodeMirror, React Flow, the fonts all allowed).
 */
import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage';

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|evaluate|connect|create)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('pages and API answers carry the security headers', async ({ page, request }) => {
  const pageResponse = await page.goto('/');
  const headers = pageResponse!.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const second = await request.get('/');
  expect(second.headers()['content-security-policy']).not.toBe(headers['content-security-policy']);

  const api = await request.get('/api/auth/status');
  expect(api.status()).toBe(200);
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()['x-frame-options']).toBe('DENY');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('no CSP violation on the login page, the designer and an execution page', async ({ browser, page }) => {
  const signedOut = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  const loginViolations = collectCspViolations(signedOut);
  await signedOut.goto('/login');
  await expect(signedOut.getByRole('button', { name: /sign in/i })).toBeVisible();
  await signedOut.close();
  expect(loginViolations).toEqual([]);

  const violations = collectCspViolations(page);
  await new DesignerPage(page).createFromExample();
  await expect(page.getByTestId('code-view').locator('.cm-content')).toBeVisible(); // CodeMirror's run-time styles
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: 'test-results/csp-designer.png', fullPage: false });
  await page.goto('/executions/csp-check-missing-workflow');
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('the sign-in throttle sees the socket address, not a made-up X-Forwarded-For', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const answer = await context.request.post('/api/auth/login', {
      data: { username: 'e2e-throttle-ghost', password: `wrong guess ${i}` },
      headers: { 'x-forwarded-for': `10.77.${i}.1`, origin: 'http://127.0.0.1:3100' },
    });
    statuses.push(answer.status());
  }
  await context.close();
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
});

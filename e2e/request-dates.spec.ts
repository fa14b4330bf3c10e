/**
 * A process's date field as a German requester uses it (issue 14): the browser speaks de-DE, the
 * requester types "31.02.2026" and is told in words it is not a date, then "24.12.2026", submits,
 * and reads the date back in German on the list and on the request page.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, SIGNED_OUT, test } from './fixtures';
import { RequestsPage } from './pages/ApprovalsPages';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'request dates password';
const REQUESTER = { username: 'rd-greta', displayName: 'Greta Antrag' };

async function signedInGerman(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: SIGNED_OUT, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/login');
  await new LoginPage(page).signIn(REQUESTER.username, PASSWORD);
  return page;
}

test('a date typed as 24.12.2026 in de-DE is sent, stored and shown as a date', async ({ page, browser }) => {
  test.setTimeout(360_000);
  const user = await page.request.post('/api/admin/users', { data: { ...REQUESTER, password: PASSWORD, roles: ['requester'] } });
  expect([201, 409], await user.text()).toContain(user.status());
  const name = `Leave ${Date.now()}`; // a fresh process per run: the form lists every deployed one
  const spec = {
    name,
    fields: [
      { name: 'due', label: 'Due date', type: 'date', required: true },
      { name: 'purpose', label: 'Purpose', type: 'string', required: true },
    ],
    levels: [{ name: 'Manager', approvers: [{ kind: 'role', name: 'approver' }] }],
  };
  const created = await page.request.post('/api/processes', { data: { spec }, timeout: 240_000 });
  expect(created.status(), await created.text()).toBe(201);

  const greta = await signedInGerman(browser);
  const requests = new RequestsPage(greta);
  await requests.open();
  const form = greta.getByTestId('request-form');
  await form.getByTestId('request-process').selectOption({ label: name });
  await expect(form.getByTestId('request-input-due')).toHaveAttribute('placeholder', 'e.g. 24.12.2026');
  await expect(form.getByRole('button', { name: 'Pick Due date from a calendar' })).toBeVisible();

  await form.getByTestId('request-input-due').fill('31.02.2026');
  await form.getByTestId('request-input-purpose').fill('Weihnachtsurlaub');
  await form.getByTestId('request-submit').click();
  await expect(form.getByTestId('request-input-due-error')).toHaveText('Due date: 31.02.2026 is not a date (February 2026 has 28 days).');
  await expect(form.getByTestId('request-input-due')).toHaveAttribute('aria-invalid', 'true');
  await greta.screenshot({ path: 'test-results/request-date-error.png' });

  await expect(async () => {
    await form.getByTestId('request-input-due').fill('24.12.2026');
    await form.getByTestId('request-submit').click();
    await expect(greta.getByTestId('request-message')).toContainText('Submitted', { timeout: 30_000 });
  }).toPass({ timeout: 120_000 });
  const mine = requests.request();
  await expect(mine).toContainText(name);
  await expect(mine.getByTestId('request-field-due')).toHaveText('24. Dez. 2026');

  const workflowId = await requests.workflowId();
  const stored = await greta.request.get('/api/requests?pageSize=5');
  const sent = ((await stored.json()).requests as { workflowId: string; fields: Record<string, unknown> }[]).find((r) => r.workflowId === workflowId);
  expect(sent?.fields.due, 'the API got the ISO date').toBe('2026-12-24');

  await greta.goto(`/requests/${encodeURIComponent(workflowId)}`);
  await expect(greta.getByTestId('request-field-due')).toHaveText('24. Dez. 2026');
  await greta.screenshot({ path: 'test-results/request-date-page.png' });
  await greta.context().close();
});

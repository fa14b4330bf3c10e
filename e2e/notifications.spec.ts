/**
 * Notifications as people meet them: a process with notifications on; a requester submits; the
 * approver's bell count rises without a reload, the list shows the request, opening it lands on
 * the request page, where the approver decides; the requester's bell then tells the outcome.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, SIGNED_OUT, test } from './fixtures';
import { AdminUsersPage } from './pages/AdminUsersPage';
import { LoginPage } from './pages/LoginPage';
import { NotificationBell } from './pages/NotificationBell';

const PASSWORD = 'notifications e2e password';

async function signedInAs(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await page.goto('/login');
  await new LoginPage(page).signIn(username, PASSWORD);
  return page;
}

test('the approver hears of a new request at the bell, opens it and decides; the requester hears the outcome', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const admin = new AdminUsersPage(page);
  await admin.open();
  for (const [username, role] of [['nt-rita', 'requester'], ['nt-ann', 'approver']] as const) {
    await admin.createUser({ username, displayName: username, password: PASSWORD, roles: [role] });
  }
  const spec = { name: 'Conference trip', notify: true, fields: [{ name: 'event', type: 'string', required: true }], levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'nt-ann' }] }] };
  const created = await page.request.post('/api/processes', { data: { spec }, timeout: 180_000 });
  expect(created.status(), await created.text()).toBe(201);
  const processId: string = (await created.json()).process.id;

  const approver = await signedInAs(browser, 'nt-ann');
  const approverBell = new NotificationBell(approver);
  await approver.goto('/inbox');
  await approverBell.open();
  await expect(approver.getByTestId('notifications-empty')).toBeVisible();
  await approver.keyboard.press('Escape');
  await approverBell.expectUnread(0, 1_000);

  const requester = await signedInAs(browser, 'nt-rita');
  let workflowId = '';
  await expect(async () => {
    const submitted = await requester.request.post('/api/requests', { data: { processId, fields: { event: 'TSConf' } } });
    expect(submitted.status()).toBe(201);
    workflowId = (await submitted.json()).request.workflowId;
  }).toPass({ timeout: 60_000 });

  // No reload: the bell polls.
  await approverBell.expectUnread(1);
  await approverBell.open();
  const note = approverBell.item('Conference trip: approval needed (Lead) for a request by nt-rita');
  await expect(note).toHaveAttribute('data-read', 'false');
  await note.getByTestId('notification-open').click();
  await expect(approver).toHaveURL(new RegExp(`/requests/${encodeURIComponent(workflowId)}$`));
  await approverBell.expectUnread(0, 5_000);

  await approver.getByTestId('decision-comment').fill('enjoy');
  await approver.getByTestId('approve').click();
  await expect(approver.getByTestId('request-notice')).toContainText('approved');

  const requesterBell = new NotificationBell(requester);
  await requester.goto('/requests');
  await requesterBell.expectUnread(1);
  await requesterBell.open();
  await expect(requesterBell.item('Conference trip: your request was approved')).toBeVisible();
  await requester.getByTestId('notifications-mark-all').click();
  await requesterBell.expectUnread(0, 5_000);
  await expect(requesterBell.item('your request was approved')).toHaveAttribute('data-read', 'true');
});

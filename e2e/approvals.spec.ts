/**
 * Approvals as people use them: an admin creates the users; a designer sets up a two-level
 * process in the form and deploys it in one click; a requester submits; the first approver
 * approves from the inbox; a user who is no approver sees nothing and a crafted call is refused
 * (by the app, and by the workflow's validator for an approver of the wrong level); the second
 * level's deadline passes (seconds) and escalates to the admin role; the requester sees the outcome.
 */
import type { Browser, Page } from '@playwright/test';
import { REFUSALS } from '@/lib/approvals/generate';
import { expect, SIGNED_OUT, test } from './fixtures';
import { AdminUsersPage } from './pages/AdminUsersPage';
import { InboxPage, ProcessesPage, RequestsPage } from './pages/ApprovalsPages';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'approvals e2e password';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** Messages of alert() calls: a script smuggled in through a field would put one here. */
const dialogs: string[] = [];

async function signedInAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/login');
  await new LoginPage(page).signIn(username, PASSWORD);
  return page;
}

test('a two-level approval process from the form to the outcome, with refusals and a deadline escalation', async ({ page, browser }) => {
  test.setTimeout(360_000);
  const admin = new AdminUsersPage(page);
  await admin.open();
  for (const [username, role] of [['ap-dora', 'designer'], ['ap-rita', 'requester'], ['ap-ann', 'approver'], ['ap-mal', 'approver']] as const) {
    await admin.createUser({ username, displayName: username, password: PASSWORD, roles: [role] });
  }

  const designer = await signedInAs(browser, 'ap-dora');
  const processes = new ProcessesPage(designer);
  await processes.open();
  await processes.setName('Laptop request');
  await processes.addField(1, { name: 'model', type: 'string' });
  await processes.setLevel(0, { name: 'Lead', user: 'ap-ann' });
  await processes.setLevel(1, { name: 'IT', user: 'ap-ivan' });
  await processes.escalateAfter(1, 4, 'admin');
  await processes.createAndDeploy();
  await expect(designer.getByTestId('process-row').filter({ hasText: 'Laptop request' })).toContainText('deployed');

  const requester = await signedInAs(browser, 'ap-rita');
  await expect(requester, 'a requester starts on their requests, not on "not allowed"').toHaveURL(/\/requests$/);
  const requests = new RequestsPage(requester);
  await requests.open();
  await requests.submit({ amount: '1200.00', model: HOSTILE });
  const workflowId = await requests.workflowId();
  expect(workflowId).not.toBe('');
  await expect(requests.request().getByTestId('request-field-model')).toHaveText(HOSTILE);
  await expect(requests.request().getByTestId('level-1-pending')).toHaveText('Waiting for ap-ann');

  const outsider = await signedInAs(browser, 'ap-mal');
  const outsiderInbox = new InboxPage(outsider);
  await outsiderInbox.open();
  await expect(outsider.getByTestId('inbox-empty')).toBeVisible();
  const crafted = await outsider.request.post(`/api/inbox/${workflowId}/decision`, { data: { approve: true, comment: 'sneaky', level: 1 } });
  expect(crafted.status()).toBe(403);
  const forgedActor = await outsider.request.post(`/api/inbox/${workflowId}/decision`, { data: { approve: true, actor: 'ap-ann', level: 1 } });
  expect(forgedActor.status()).toBe(400);

  const approver = await signedInAs(browser, 'ap-ann');
  const inbox = new InboxPage(approver);
  await inbox.open();
  await inbox.waitForTask(workflowId);
  await expect(inbox.task(workflowId)).toContainText('ap-rita');
  await inbox.decide(workflowId, true, 'needed for the new hire');
  // The same task again (a second click): level 1 is decided, and the decision is not moved on to level 2.
  const again = await approver.request.post(`/api/inbox/${workflowId}/decision`, { data: { approve: true, comment: 'again', level: 1 } });
  expect(again.status()).toBe(422);
  expect((await again.json()).error.message).toBe(REFUSALS.levelSettled);
  const wrongLevel = await approver.request.post(`/api/inbox/${workflowId}/decision`, { data: { approve: true, comment: 'again', level: 2 } });
  expect(wrongLevel.status()).toBe(422);
  expect((await wrongLevel.json()).error.message).toBe(REFUSALS.notEligible);

  // Nobody named ap-ivan decides: after 4 seconds the level escalates to the admin role.
  const adminInbox = new InboxPage(page);
  await adminInbox.open();
  await adminInbox.waitForTask(workflowId);
  await adminInbox.decide(workflowId, true, 'ivan is away');

  await expect(async () => {
    await requester.getByTestId('requests-refresh').click();
    await expect(requests.request().getByTestId('request-outcome')).toHaveText('approved', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const history = requests.request().getByTestId('request-history');
  await expect(history).toContainText('ap-ann approved');
  await expect(history).toContainText('deadline escalated');
  await expect(history).toContainText('E2E Admin approved'); // people by display name
  expect(dialogs, 'no script from a field ever ran').toEqual([]);
});

/**
 * Groups as approvers, as people use them: an admin creates "finance-managers" and adds a member
 * through the lookup; a process author picks the group in the process form's approver picker
 * (typing, arrows, Enter) and deploys; a requester submits; the member sees the task in the inbox
 * and approves; an approver outside the group sees nothing and is refused.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, SIGNED_OUT, test } from './fixtures';
import { AdminGroupsPage } from './pages/AdminGroupsPage';
import { InboxPage, ProcessesPage, RequestsPage } from './pages/ApprovalsPages';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'groups e2e password';

async function signedInAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ storageState: SIGNED_OUT, viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.goto('/login');
  await new LoginPage(page).signIn(username, PASSWORD);
  return page;
}

test('an admin-made group approves: picked by lookup in the process form, decided by its member only', async ({ page, browser }) => {
  test.setTimeout(360_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  for (const [username, displayName, role] of [
    ['gp-dora', 'Dora Designer', 'designer'],
    ['gp-rita', 'Rita Requester', 'requester'],
    ['gp-fiona', 'Fiona Finance', 'approver'],
    ['gp-mal', 'Mal Outsider', 'approver'],
  ] as const) {
    const created = await page.request.post('/api/admin/users', { data: { username, displayName, password: PASSWORD, roles: [role] } });
    expect(created.status(), await created.text()).toBe(201);
  }

  const groups = new AdminGroupsPage(page);
  await page.goto('/admin/users');
  await page.getByTestId('admin-tab-groups').click();
  await expect(page).toHaveURL(/\/admin\/groups$/);
  await groups.create('finance-managers', 'Finance managers');
  await groups.addMemberByLookup('finance-managers', 'fiona', 'Fiona Finance');
  await page.screenshot({ path: 'test-results/groups-admin.png' });

  const designer = await signedInAs(browser, 'gp-dora');
  const processes = new ProcessesPage(designer);
  await processes.open();
  await processes.setName('Invoice approval');
  await processes.setLevel(0, { name: 'Finance', user: '' });
  const picker = processes.form.getByTestId('level-0-approver-0-name');
  await picker.fill('finan');
  const option = processes.form.getByRole('option', { name: /Finance managers/ });
  await expect(option).toBeVisible();
  await expect(option).toContainText('Group');
  // "finan" also finds Fiona Finance (a user, listed first): the arrows move to the group.
  await expect(processes.form.getByRole('option', { name: /Fiona Finance/ })).toHaveAttribute('aria-selected', 'true');
  await picker.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await picker.press('Escape');
  await expect(option).toBeHidden();
  await picker.press('ArrowDown'); // opens the list again, on its first suggestion
  await expect(processes.form.getByRole('option', { name: /Fiona Finance/ })).toHaveAttribute('aria-selected', 'true');
  await picker.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await designer.screenshot({ path: 'test-results/groups-picker.png' });
  await picker.press('Enter');
  await expect(processes.form.getByTestId('level-0-approver-0-kind')).toHaveValue('group');
  await expect(picker).toHaveValue('finance-managers');
  await expect(processes.form.getByTestId('level-0-approver-0-chosen')).toContainText('Finance managers');
  await processes.createAndDeploy();

  const requester = await signedInAs(browser, 'gp-rita');
  const requests = new RequestsPage(requester);
  await requests.open();
  await requests.submit({ amount: '1500.00' });
  const workflowId = await requests.workflowId();
  expect(workflowId).not.toBe('');

  const outsider = await signedInAs(browser, 'gp-mal');
  await new InboxPage(outsider).open();
  await expect(outsider.getByTestId('inbox-empty')).toBeVisible();
  const refused = await outsider.request.post(`/api/inbox/${workflowId}/decision`, { data: { approve: true, comment: 'not mine', level: 1 } });
  expect(refused.status()).toBe(403);

  const member = await signedInAs(browser, 'gp-fiona');
  const inbox = new InboxPage(member);
  await inbox.open();
  await inbox.waitForTask(workflowId);
  await inbox.decide(workflowId, true, 'within budget');

  await requests.open();
  await expect(requests.request()).toContainText(/approved/i, { timeout: 30_000 });
});

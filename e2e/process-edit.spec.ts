/**
 * A business user edits an existing approval process in the form and redeploys it: the edit is a
 * new version of the same design, the request submitted before it keeps its version (and its
 * levels), a new request runs the new one and shows the N-of-M rule ("2 of 3 must approve; 1
 * rejected so far"). When the design was changed on the canvas since, the form says so, asks
 * before overwriting, and Cancel keeps everything as it was.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, SIGNED_OUT, test } from './fixtures';
import { AdminUsersPage } from './pages/AdminUsersPage';
import { ProcessesPage, RequestsPage } from './pages/ApprovalsPages';
import { DesignerPage } from './pages/DesignerPage';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'process edit e2e password';

async function signedInAs(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await page.goto('/login');
  await new LoginPage(page).signIn(username, PASSWORD);
  return page;
}

test('edit a process in the form and redeploy; running requests keep their version; canvas changes are not overwritten without asking', async ({ page, browser }) => {
  test.setTimeout(480_000);
  const admin = new AdminUsersPage(page);
  await admin.open();
  for (const [username, role] of [['pe-dora', 'designer'], ['pe-rita', 'requester'], ['pe-bob', 'approver']] as const) {
    await admin.createUser({ username, displayName: username, password: PASSWORD, roles: [role] });
  }

  const designer = await signedInAs(browser, 'pe-dora');
  const processes = new ProcessesPage(designer);
  await processes.open();
  await processes.setName('Trip request');
  await processes.setLevel(0, { name: 'Lead', user: 'pe-ann' });
  await processes.createAndDeploy();
  await expect(processes.row('Trip request').getByTestId('process-version')).toHaveText('version 1');

  const requester = await signedInAs(browser, 'pe-rita');
  const requests = new RequestsPage(requester);
  await requests.open();
  await requests.submit({ amount: '300.00' });
  const onVersion1 = await requests.workflowId();

  // The edit: the level becomes 2 of 3 (pe-ann, pe-bob, pe-cy); the form explains the rule.
  await processes.edit('Trip request');
  await expect(processes.form.getByTestId('process-versions')).toContainText('Design version 1 (deployed)');
  const form = processes.form;
  await form.getByTestId('level-0-name').fill('Team');
  for (const [k, user] of [[1, 'pe-bob'], [2, 'pe-cy']] as const) {
    await form.getByTestId('level-0-add-approver').click();
    await form.getByTestId(`level-0-approver-${k}-name`).fill(user);
  }
  // Bad input first: 4 of 3 names the level and the field, and nothing is saved.
  await form.getByTestId('level-0-required').fill('4');
  await form.getByTestId('process-save').click();
  await expect(form.getByTestId('process-issues')).toContainText('Level 1 › approvals needed: needs 4 approvals but only 3 approvers are listed');
  await expect(form.getByTestId('issue-levels.0.required')).toBeVisible();
  await form.getByTestId('level-0-required').fill('2');
  await expect(form.getByTestId('level-0-rule')).toContainText('2 of 3 must approve; the level is rejected at the second rejection');
  // A deadline that escalates, and the escalated task's own deadline that escalates further once.
  await form.getByTestId('level-0-deadline-amount').fill('2');
  await form.getByTestId('level-0-on-deadline').selectOption('escalate');
  await form.getByTestId('level-0-escalate-kind').selectOption('user');
  await form.getByTestId('level-0-escalate-name').fill('pe-boss');
  await form.getByTestId('level-0-escalated-deadline-amount').fill('4');
  await form.getByTestId('level-0-escalated-deadline-unit').selectOption('hours');
  await form.getByTestId('level-0-escalated-then').selectOption('escalate');
  await form.getByTestId('level-0-escalate-further-kind').selectOption('user');
  await form.getByTestId('level-0-escalate-further-name').fill('pe-boss');
  await form.getByTestId('process-save').click();
  await expect(form.getByTestId('issue-levels.0.onDeadline.then.to.name')).toContainText('is already who the task was escalated to');
  await form.getByTestId('level-0-escalate-further-kind').selectOption('role');
  await form.getByTestId('level-0-escalate-further-name').selectOption('admin');
  expect(await processes.saveAndRedeploy()).toBe('saved');
  await expect(form.getByTestId('process-message')).toContainText('Saved "Trip request" as version 2 and deployed it');
  await expect(processes.row('Trip request').getByTestId('process-version')).toHaveText('version 2');
  const stored = (await (await designer.request.get('/api/processes')).json()) as { processes: { name: string; spec: { levels: { onDeadline?: unknown }[] } }[] };
  expect(stored.processes.find((p) => p.name === 'Trip request')?.spec.levels[0]?.onDeadline).toEqual({
    action: 'escalate',
    to: { kind: 'user', name: 'pe-boss' },
    deadline: { amount: 4, unit: 'hours' },
    then: { action: 'escalate', to: { kind: 'role', name: 'admin' } },
  });

  // The request submitted before the edit still shows (and runs) version 1's single level.
  await requests.open();
  const before = requester.locator(`[data-testid="my-request"][data-workflow-id="${onVersion1}"]`);
  await expect(before.getByTestId('level-1')).toContainText('Lead');
  await expect(before.getByTestId('level-1-rule')).toContainText('1 of 1 must approve');

  // A new request runs version 2: one rejection of 2-of-3 leaves it open, and the status says so.
  await requests.submit({ amount: '450.00' });
  // The list reloads after the submission: wait until the newest request is the new one.
  await expect.poll(() => requests.workflowId()).not.toBe(onVersion1);
  const onVersion2 = await requests.workflowId();
  const bob = await signedInAs(browser, 'pe-bob');
  await expect(async () => {
    const answer = await bob.request.post(`/api/inbox/${onVersion2}/decision`, { data: { approve: false, comment: 'too expensive', level: 1 } });
    expect(answer.status(), await answer.text()).toBe(200);
  }).toPass({ timeout: 30_000 });
  await expect(async () => {
    await requester.getByTestId('requests-refresh').click();
    const latest = requester.locator(`[data-testid="my-request"][data-workflow-id="${onVersion2}"]`);
    await expect(latest.getByTestId('level-1-rule')).toHaveText('2 of 3 must approve; 1 rejected so far (2 reject the level)', { timeout: 2_000 });
    await expect(latest.getByTestId('request-outcome')).toHaveText('pending');
  }).toPass({ timeout: 30_000 });

  // Someone changes the design on the canvas (version 3).
  await processes.row('Trip request').getByRole('link', { name: 'canvas' }).click();
  const canvas = new DesignerPage(designer);
  await expect(canvas.canvas).toBeVisible();
  await canvas.openWorkflowSettings();
  await canvas.fill('workflow-description', 'Adjusted on the canvas');
  await canvas.save();
  await processes.open();
  await expect(processes.row('Trip request').getByTestId('process-changed-on-canvas')).toBeVisible();
  await expect(processes.row('Trip request').getByTestId('process-version')).toHaveText('version 3, version 2 deployed');

  // The form warns on opening, asks before overwriting; Cancel saves nothing and keeps the form.
  await processes.edit('Trip request');
  await expect(form.getByTestId('process-canvas-warning')).toContainText('changed on the canvas since the form generated it');
  await form.getByTestId('level-0-name').fill('Travel team');
  expect(await processes.saveAndRedeploy()).toBe('conflict');
  await expect(form.getByTestId('process-conflict')).toContainText('Overwrite, or cancel and keep the canvas changes');
  await form.getByTestId('process-conflict-cancel').click();
  await expect(form.getByTestId('process-conflict')).toBeHidden();
  await expect(form.getByTestId('level-0-name')).toHaveValue('Travel team');
  await expect(processes.row('Trip request').getByTestId('process-version')).toHaveText('version 3, version 2 deployed');

  expect(await processes.saveAndRedeploy()).toBe('conflict');
  await form.getByTestId('process-overwrite').click();
  await expect(form.getByTestId('process-message')).toContainText('as version 4 and deployed it', { timeout: 180_000 });
  await expect(processes.row('Trip request').getByTestId('process-version')).toHaveText('version 4');
  await expect(processes.row('Trip request').getByTestId('process-changed-on-canvas')).toHaveCount(0);
  await expect(processes.row('Trip request')).toContainText('Travel team');
});

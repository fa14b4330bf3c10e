import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { ExecutionsListPage } from './pages/ExecutionsListPage';

/**
 * The executions list as an operator uses it (issue 13): steps by label, the End a finished run
 * ended at, two designs of one name told apart, status counts that filter, filters that survive a
 * reload and back, the step chosen by its label, and a bulk cancel behind a confirmation.
 */
const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

async function deployDesign(request: APIRequestContext, name: string): Promise<string> {
  const created = await request.post('/api/designs', { data: { design: { ...approval, name } } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const deployed = await request.post(`/api/designs/${id}/deployments`, { data: {} });
  expect(deployed.status(), await deployed.text()).toBe(201);
  return id;
}

async function start(request: APIRequestContext, designId: string, workflowId: string) {
  await expect.poll(async () => (await request.post('/api/executions', { data: { designId, workflowId, input: { requestId: workflowId } } })).status(), { timeout: 30_000 }).toBe(201);
}

test('an operator reads, filters and cancels executions from the list', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const name = `LaptopApproval_${Date.now().toString(36)}`;
  const designId = await deployDesign(page.request, name);
  const twinId = await deployDesign(page.request, name);
  const tag = Date.now().toString(36);
  const [approved, rejected, waitingA, waitingB] = ['approved', 'rejected', 'wait-a', 'wait-b'].map((n) => `list-${tag}-${n}`) as [string, string, string, string];
  for (const id of [approved, rejected, waitingA, waitingB]) await start(page.request, designId, id);
  for (const [id, yes] of [[approved, true], [rejected, false]] as const) {
    const sent = await page.request.post(`/api/executions/${id}/signals/approve`, { data: { args: { approverName: 'ann', approved: yes } } });
    expect(sent.status(), await sent.text()).toBe(202);
  }

  const list = new ExecutionsListPage(page);
  await list.open();
  // Two designs of one name: each option says its version and when it was last deployed, and they differ.
  const options = list.designSelect.locator('option', { hasText: name });
  await expect(options).toHaveCount(2);
  const [first, second] = await options.allTextContents();
  expect(first).toMatch(/· v1 · deployed /);
  expect(first).not.toBe(second);
  expect(await options.first().getAttribute('value')).toBe(twinId);

  await list.filter({ designId });
  // Counts by status, as the filter's choices.
  await expect(list.statusCount('Completed')).toHaveText('2', { timeout: 20_000 });
  await expect(list.statusCount('Running')).toHaveText('2');
  // Steps by label; a finished run shows the End it finished on, not the wait it passed.
  await expect(list.step(approved)).toHaveText('ended at Approved');
  await expect(list.step(rejected)).toHaveText('ended at Rejected');
  await expect(list.step(waitingA)).toHaveText('Await approval');
  await page.screenshot({ path: 'test-results/executions-list-1600-light.png', fullPage: true });

  // A count is a filter, kept in the URL across a reload; back returns to the filter before.
  await list.statusChip('Completed').click();
  await page.waitForURL((url) => url.searchParams.get('status') === 'Completed');
  await list.expectWorkflowIds([rejected, approved]);
  await page.reload();
  await expect(list.statusChip('Completed')).toHaveAttribute('aria-pressed', 'true');
  await expect(list.designSelect).toHaveValue(designId);
  await list.expectWorkflowIds([rejected, approved]);
  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has('status') && url.searchParams.get('designId') === designId);
  await expect(list.rows).toHaveCount(4);

  // The step, chosen by its label among the design's steps.
  await expect(list.stepOptions).toHaveText(['Await approval']);
  await list.filter({ stepLabel: 'Await approval', step: 'await-approval' });
  await list.expectWorkflowIds([waitingA, waitingB]);

  // Bulk cancel: the confirmation names how many; nothing happens before it is confirmed.
  const dialog = await list.bulk('cancel', [waitingA, waitingB]);
  await expect(dialog.getByTestId('bulk-ids')).toContainText(waitingA);
  await page.screenshot({ path: 'test-results/executions-list-bulk-confirm.png' });
  await dialog.getByRole('button', { name: 'Keep running' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.row(waitingA)).toHaveAttribute('data-status', 'RUNNING');
  await page.getByTestId('bulk-cancel').click();
  await page.getByTestId('bulk-confirm').click();
  await expect(page.getByTestId('bulk-outcome')).toContainText('2 done');
  await list.filter({ step: '' });
  await expect(list.statusCount('Canceled')).toHaveText('2', { timeout: 20_000 });
  await expect(list.statusCount('Running')).toHaveText('0');

  // How it looks: wide and narrow, light and dark.
  for (const [width, height] of [[1600, 1000], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `test-results/executions-list-${width}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

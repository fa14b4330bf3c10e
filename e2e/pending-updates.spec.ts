import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { ExecutionPage } from './pages/ExecutionPage';

// Chapter 6.4.2's batch job: an update that waits until the job reaches the percentage asked for.
const design = JSON.parse(readFileSync(new URL('../codegen/__golden__/progress/design.json', import.meta.url), 'utf8'));
design.nodes.find((n: { id: string }) => n.id === 'work').duration = { amount: 2, unit: 'seconds' };

test('an update waiting for its condition shows as pending on the execution page until it answers', async ({ page }) => {
  test.setTimeout(180_000);
  const created = await page.request.post('/api/designs', { data: { design } });
  expect(created.status(), await created.text()).toBe(201);
  const { id: designId } = (await created.json()) as { id: string };
  const deployed = await page.request.post(`/api/designs/${designId}/deployments`, { data: {} });
  expect(deployed.status(), await deployed.text()).toBe(201);
  const workflowId = `pending-${Date.now().toString(36)}`;
  const started = await page.request.post('/api/executions', { data: { designId, workflowId, input: { steps: 3 } } });
  expect(started.status(), await started.text()).toBe(201);

  await page.goto(`/executions/${workflowId}`);
  const execution = new ExecutionPage(page);
  await execution.expectStatus('RUNNING');
  await expect(page.getByText('No update in progress.')).toBeVisible();

  // The form's request waits for the answer; meanwhile the panel lists the running handler.
  await execution.send('update', 'waitForProgress', { percent: '100' });
  const pending = page.getByTestId('pending-update');
  await expect(pending).toHaveCount(1);
  await expect(pending).toHaveAttribute('data-update-name', 'waitForProgress');
  await expect(pending).toContainText('Wait for progress');
  await expect(page.getByTestId('running-wait-progress')).toHaveAttribute('data-count', '1');

  await expect(execution.outcome('update', 'waitForProgress')).toHaveText('Result: 100', { timeout: 30_000 });
  await expect(pending).toHaveCount(0);
  await expect(page.getByTestId('running-wait-progress')).toHaveCount(0);
  await execution.expectStatus('COMPLETED');
});

import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';
import { ExecutionPage } from './pages/ExecutionPage';
import { ExecutionsListPage } from './pages/ExecutionsListPage';

test.use({ viewport: { width: 1600, height: 1000 } });

async function startExecution(request: APIRequestContext, designId: string, workflowId: string, requestId: string) {
  const response = await request.post('/api/executions', { data: { designId, workflowId, input: { request_id: requestId } } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { workflowId: string; deploymentId: string };
}

test('deploy, list and filter executions, operate one live, and run two versions side by side', async ({ page }) => {
  test.setTimeout(300_000);
  const designer = new DesignerPage(page);
  await designer.createFromExample();
  const designId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

  // Deploy shows its progress stage by stage.
  await designer.deploy();
  for (const stage of ['validate', 'generate', 'typecheck', 'bundle', 'start-worker']) {
    await expect(page.getByTestId(`deploy-stage-${stage}`)).toHaveAttribute('data-state', 'done');
  }
  await expect(page.getByTestId('deploy-stage-replay')).toHaveAttribute('data-state', 'skipped');

  // Several executions.
  const tag = Date.now().toString(36);
  const ids = ['a', 'b', 'c'].map((n) => `mon-${tag}-${n}`);
  for (const [i, id] of ids.entries()) await startExecution(page.request, designId, id, `REQ-${i}`);

  // The list, from the home page header, filtered.
  const list = new ExecutionsListPage(page);
  await list.open();
  await list.filter({ designId, status: 'Running' });
  await expect(list.total).toHaveText('3 matching');
  await list.expectWorkflowIds(ids);
  await expect(list.row(ids[0]!).getByTestId('execution-row-step')).toHaveText('Await approval');
  await list.filter({ workflowId: `mon-${tag}-b` });
  await list.expectWorkflowIds([ids[1]!]);
  await list.filter({ workflowId: '', status: 'Completed' });
  await expect(list.page.getByTestId('executions-empty')).toBeVisible();

  // Open one.
  await list.filter({ status: '', workflowId: `mon-${tag}-a` });
  await list.row(ids[0]!).getByRole('link').click();
  await page.waitForURL(/\/executions\/mon-/);
  const execution = new ExecutionPage(page);
  await execution.expectStatus('RUNNING');
  await execution.expectCurrentStep('await-approval');
  await expect(execution.visits('await-approval')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('deadline-await-approval')).toBeVisible();
  await expect(page.getByTestId('pending-timers')).toContainText('fires');
  await expect(execution.historyEvents('TIMER_STARTED')).toHaveCount(1);

  // A query, an update the validator rejects, one it accepts.
  await execution.send('query', 'get_status', {});
  await expect(execution.outcome('query', 'get_status')).toHaveText('pending');
  await execution.send('update', 'add_comment', { text: '   ' });
  await expect(execution.outcome('update', 'add_comment')).toHaveAttribute('data-tone', 'rejected');
  await expect(execution.outcome('update', 'add_comment')).toContainText('The comment must not be blank');
  await execution.send('update', 'add_comment', { text: 'looks good' });
  await expect(execution.outcome('update', 'add_comment')).toHaveAttribute('data-tone', 'ok');
  await expect(page.getByTestId('variable-comment')).toContainText('looks good');
  await expect(execution.historyEvents('WORKFLOW_EXECUTION_UPDATE_ACCEPTED')).toHaveCount(1);

  // A signal: the lit step moves on without a reload.
  await execution.send('signal', 'approve', { approver_name: 'Ann', approved: true, comment: 'fine' });
  await execution.expectStatus('COMPLETED', 10_000);
  await execution.expectCurrentStep('end-approved');
  await expect(execution.result).toHaveText('Request approved by Ann');
  await expect(execution.historyEvents('WORKFLOW_EXECUTION_SIGNALED')).toHaveCount(1);

  // A second version while the first has running executions (b and c).
  const record = await (await page.request.get(`/api/designs/${designId}`)).json();
  const v2 = structuredClone(record.design);
  v2.nodes.find((n: { id: string }) => n.id === 'await-approval').label = 'Await the approver';
  const saved = await page.request.post(`/api/designs/${designId}/versions`, { data: { design: v2, baseVersion: record.latestVersion } });
  expect(saved.status(), await saved.text()).toBe(201);
  const deployed = await page.request.post(`/api/designs/${designId}/deployments`, { data: { version: (await saved.json()).version } });
  expect(deployed.status(), await deployed.text()).toBe(201);
  const onV2 = await startExecution(page.request, designId, `mon-${tag}-d`, 'REQ-V2');
  expect(onV2.deploymentId).toBe((await deployed.json()).deployment.id);

  for (const [id, version] of [[ids[1]!, 'v1'], [onV2.workflowId, 'v2']] as const) {
    await page.goto(`/executions/${id}`);
    await expect(page.getByTestId('execution-version')).toHaveText(version);
    await execution.expectCurrentStep('await-approval');
    await execution.send('signal', 'approve', { approver_name: `Bob ${version}`, approved: true, comment: '' });
    await execution.expectStatus('COMPLETED', 10_000);
    await expect(execution.result).toHaveText(`Request approved by Bob ${version}`);
  }

  // The list tells the versions apart.
  await list.open();
  await list.filter({ designId, version: '2' });
  await list.expectWorkflowIds([onV2.workflowId]);
});

test('the step filter finds an execution at the step it moved on to', async ({ page }) => {
  test.setTimeout(180_000);
  // The chapter's order: a wait for payment, then a wait for shipping.
  const tag = Date.now().toString(36);
  const order = JSON.parse(readFileSync(new URL('../codegen/__golden__/order/design.json', import.meta.url), 'utf8'));
  const created = await page.request.post('/api/designs', { data: { design: { ...order, name: `StepOrder${tag}` } } });
  expect(created.status(), await created.text()).toBe(201);
  const designId: string = (await created.json()).id;
  const deployed = await page.request.post(`/api/designs/${designId}/deployments`, { data: {} });
  expect(deployed.status(), await deployed.text()).toBe(201);
  const workflowId = `step-${tag}`;
  const started = await page.request.post('/api/executions', { data: { designId, workflowId, input: { orderId: tag, customerId: 'c-1' } } });
  expect(started.status(), await started.text()).toBe(201);
  const update = async (name: string, args: object) => {
    const response = await page.request.post(`/api/executions/${workflowId}/updates/${name}`, { data: { args } });
    expect(response.status(), await response.text()).toBe(200);
  };
  await update('addItem', { sku: 'mouse', name: 'Mouse', quantity: 1, price: '29.99' });
  await update('pay', { method: 'card', amount: '29.99', cardToken: 'tok-1234567890' });
  // Visibility catches up with the workflow's upsert shortly after.
  await expect
    .poll(async () => (await (await page.request.get(`/api/executions?designId=${designId}&step=await-shipping`)).json()).executions.length)
    .toBe(1);

  const list = new ExecutionsListPage(page);
  await list.open();
  await list.filter({ designId });
  // The step select offers the steps an execution can be found in: the waits and the long timer, not the decision.
  await expect(list.stepOptions).toHaveCount(3);
  await expect(list.stepSelect.locator('option[value="await-shipping"]')).toHaveText('Await shipping');
  await list.filter({ step: 'await-shipping' });
  await list.expectWorkflowIds([workflowId]);
  await expect(list.row(workflowId).getByTestId('execution-row-step')).toHaveText('Await shipping');
  await list.filter({ step: 'await-payment' });
  await expect(page.getByTestId('executions-empty')).toBeVisible();
});

test('update-with-start from the start dialog (validator rejection shown), reset and terminate with confirmation', async ({ page }) => {
  test.setTimeout(240_000);
  const designer = new DesignerPage(page);
  await designer.createFromExample();
  await designer.deploy();

  await page.getByTestId('start-button').click();
  const form = page.getByTestId('start-form');
  await form.getByTestId('input-request_id').fill('REQ-WS');
  await form.getByTestId('start-mode').selectOption('update:add_comment');
  const workflowId = `mon-ws-${Date.now().toString(36)}`;
  await form.getByTestId('start-workflow-id').fill(workflowId);
  await form.getByTestId('with-start-text').fill('   ');
  await form.getByTestId('start-submit').click();
  await expect(form.getByTestId('start-error')).toContainText("Rejected by the update's validator: The comment must not be blank");
  await form.getByTestId('with-start-text').fill('first comment');
  await form.getByTestId('start-submit').click();
  await page.waitForURL(new RegExp(`/executions/${workflowId}$`));

  const execution = new ExecutionPage(page);
  await execution.expectStatus('RUNNING');
  await execution.expectCurrentStep('await-approval');
  await expect(page.getByTestId('variable-comment')).toContainText('first comment');
  const firstRun = await page.getByTestId('execution-run-id').innerText();

  // Reset to the first workflow task: a new run, after a confirmation.
  await page.getByTestId('control-reset').click();
  await page.getByTestId('reset-to').selectOption('first-workflow-task');
  await page.getByTestId('confirm-reset-submit').click();
  await expect(page.getByTestId('control-message')).toContainText('Reset: new run');
  await expect(page.getByTestId('execution-run-id')).not.toHaveText(firstRun);
  await execution.expectStatus('RUNNING');

  // Terminate, after a confirmation.
  await execution.control('terminate');
  await execution.expectStatus('TERMINATED', 10_000);
});

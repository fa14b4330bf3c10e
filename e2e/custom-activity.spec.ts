import { expect, test } from './fixtures';
import { ActivityEditor } from './pages/ActivityEditor';
import { DesignerPage } from './pages/DesignerPage';
import { ExecutionPage } from './pages/ExecutionPage';

test.use({ viewport: { width: 1600, height: 1000 } });

const BROKEN = `export async function addTax({ amount }: { amount: number }): Promise<number> {
  return amount.toUpperCase();
}`;

const WORKING = `import { log } from '@temporalio/activity';

/** 19 % VAT, rounded to the cent. */
export async function addTax({ amount }: { amount: number }): Promise<number> {
  log.info('adding tax', { amount });
  return Math.round(amount * 119) / 100;
}`;

test('a designer writes a custom activity, calls it from a node, is refused for a type error where it is, deploys, runs and sees the result', async ({ page }) => {
  test.setTimeout(300_000);
  const designer = new DesignerPage(page);
  await designer.createNew();

  // The workflow: an input amount in, the amount with tax out.
  await designer.openWorkflowSettings();
  await designer.addField('input', 'amount', 'number');
  await designer.addVariable('taxed', 'number', '0');
  await designer.field('resultType').selectOption('number');

  // The activity: declared signature, then code that breaks it.
  const activities = new ActivityEditor(page);
  await activities.add();
  await activities.rename('addTax');
  await activities.dialog.getByTestId('field-parameters.0.name').fill('amount');
  await activities.dialog.getByTestId('field-parameters.0.type').selectOption('number');
  await activities.dialog.getByTestId('activity-result-type').selectOption('number');
  await activities.setSource(BROKEN);
  await activities.close();

  // A node calls it; the result goes to a variable the End node returns.
  const call = await designer.dropNode('activity', { x: 420, y: 300 });
  await designer.field('activity').selectOption('addTax');
  await expect(page.getByTestId('activity-description')).toContainText('Custom activity addTax');
  await designer.fill('args.amount', 'input.amount');
  await designer.fill('resultVariable', 'taxed');
  const end = await designer.dropNode('end', { x: 420, y: 480 });
  await designer.fill('result', 'taxed');
  await designer.connect(designer.sourceHandle('start', { id: 'next' }), designer.targetHandle(call));
  await designer.connect(designer.sourceHandle(call, { id: 'next' }), designer.targetHandle(end));
  await designer.expectNoProblems();
  await designer.expectCodeToContain('taxed = await addTax({ amount: input.amount });');

  // Deploy refuses the type error at its place in the activity's code.
  await page.getByTestId('deploy-button').click();
  const status = page.getByTestId('deploy-status');
  await expect(status).toHaveAttribute('data-state', 'error', { timeout: 120_000 });
  await expect(page.getByTestId('deploy-stage-typecheck')).toHaveAttribute('data-state', 'failed');
  await expect(status).toContainText(`Custom activity "addTax", line 2, column 17: Property 'toUpperCase' does not exist on type 'number'`);

  // The finding names the activity; clicking it opens that activity's editor, as in the Problems list.
  const finding = status.getByTestId('deploy-finding').filter({ hasText: 'line 2, column 17' });
  await expect(finding).toContainText('Activity addTax · source');
  await finding.click();
  await expect(activities.dialog).toBeVisible();
  await expect(activities.dialog.getByTestId('activity-name')).toHaveValue('addTax');

  // In the editor, "Check code" shows it on the activity, underlined in the code; fixed, it checks clean.
  expect(await activities.check()).toBe('failed');
  await expect(activities.problems.first()).toContainText('line 2, column 17');
  await expect(activities.dialog.locator('.cm-lintRange-error')).toHaveText('toUpperCase');
  await activities.setSource(WORKING);
  expect(await activities.check()).toBe('ok');
  await expect(activities.dialog.getByTestId('activity-no-problems')).toContainText('Type-checks with the workflow');
  await activities.close();

  // Deploy, start, and the activity's result is the workflow's.
  await designer.deploy();
  await designer.start({ amount: '100' });
  const execution = new ExecutionPage(page);
  await execution.expectStatus('COMPLETED');
  await expect(execution.result).toHaveText('119');
});

test('deleting a custom activity that a node calls asks first and names the node', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createNew();
  const activities = new ActivityEditor(page);
  await activities.add();
  // An activity without code is a problem named after it; clicking it opens the activity.
  await activities.setSource('');
  await activities.close();
  const problem = designer.diagnostics.getByTestId('diagnostic-item').filter({ hasText: 'has no code' });
  await expect(problem).toContainText('Activity myActivity · source');
  await problem.click();
  await expect(activities.dialog).toBeVisible();
  await expect(activities.problems).toContainText(['Custom activity "myActivity" has no code']);
  await activities.setSource('export async function myActivity({ text }: { text: string }): Promise<string> {\n  return text;\n}');
  await activities.close();
  const call = await designer.dropNode('activity', { x: 420, y: 300 });
  await designer.field('activity').selectOption('myActivity');
  await designer.fill('args.text', '"hello"');
  // The inspector leads to the activity's code.
  await page.getByTestId('edit-activity-code').click();
  await expect(activities.dialog).toBeVisible();
  await expect(activities.dialog.getByTestId('activity-name')).toHaveValue('myActivity');
  await activities.close();
  await activities.section.getByTestId('activity-row-myActivity').getByTestId('delete-activity').click();
  const dialog = page.getByTestId('delete-activity-dialog');
  await expect(dialog).toContainText('One node calls it');
  await dialog.getByTestId('confirm-delete-activity').click();
  await expect(activities.section.getByTestId('activity-row-myActivity')).toHaveCount(0);
  await expect(designer.diagnostics.getByTestId('diagnostic-item').filter({ hasText: 'neither a built-in nor a custom activity' })).toHaveCount(1);
  // The node keeps the name it calls and says it is gone.
  await designer.selectNode(call);
  await expect(page.getByTestId('activity-description')).toContainText('"myActivity" is not an activity of this design');
});

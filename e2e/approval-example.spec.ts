import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';
import { ExecutionPage } from './pages/ExecutionPage';

test.use({ viewport: { width: 1600, height: 1000 } });

test('the approval example answers queries, shows a validator rejection as such, and completes on rejection', async ({ page }) => {
  test.setTimeout(180_000);
  const designer = new DesignerPage(page);
  await designer.createFromExample();
  await designer.expectNoProblems();
  await designer.deploy();
  await designer.start({ request_id: 'REQ-7' });

  const execution = new ExecutionPage(page);
  await execution.expectStatus('RUNNING');
  await execution.expectCurrentStep('await-approval');

  await execution.send('query', 'get_status', {});
  await expect(page.getByTestId('query-result-get_status')).toHaveText('pending');

  // A blank comment passes the form (it is not empty) but the workflow's validator refuses it.
  await execution.send('update', 'add_comment', { text: '   ' });
  const rejection = page.getByTestId('update-result-add_comment');
  await expect(rejection).toHaveText('Rejected: The comment must not be blank');
  await expect(rejection).toHaveAttribute('data-tone', 'rejected');

  await execution.send('update', 'add_comment', { text: 'Please attach the invoice' });
  await expect(rejection).toHaveText(/Comment saved/);
  await expect(rejection).toHaveAttribute('data-tone', 'ok');

  await execution.send('signal', 'approve', { approver_name: 'Grace', approved: false, comment: 'no invoice' });
  await execution.expectStatus('COMPLETED');
  await expect(execution.result).toHaveText('Request rejected by Grace: no invoice');
  await expect(execution.node('end-rejected').locator('[data-visited="true"]')).toBeVisible();
  await expect(execution.node('start').locator('[data-visited="true"]')).toBeVisible();
});

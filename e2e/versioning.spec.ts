/**
 * Worker Versioning from the design page (issue 12): deploy twice, then roll back to the first
 * version, ramp the second, stop the ramp and promote it, switch to auto-upgrade and back, deploy a
 * canary at 10 % — each from the Versions
 * panel's buttons, confirmed in the browser's dialogs, with the panel showing the stable task
 * queue, every version's status and its executions.
 */
import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

test.use({ viewport: { width: 1600, height: 1000 } });

test('deploy twice, roll back, ramp, stop the ramp and promote from the Versions panel', async ({ page }) => {
  test.setTimeout(300_000);
  const designer = new DesignerPage(page);
  await designer.createFromExample();
  const designId = page.url().split('/').pop()!;
  await designer.deploy();

  // One execution on the first version: it stays there (pinned) whatever the routing does later.
  const started = await page.request.post('/api/executions', { data: { designId, input: { request_id: 'E2E-1' } } });
  expect(started.status(), await started.text()).toBe(201);

  await page.getByTestId('executions-tab').click();
  const panel = page.getByTestId('versions-panel');
  await expect(panel.getByTestId('stable-task-queue')).toHaveText(`signalbox-design-${designId}`);
  const rows = panel.getByTestId('deployment-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', 'current');

  await designer.deploy();
  await expect(rows).toHaveCount(2);
  const second = rows.nth(0);
  const first = rows.nth(1);
  const firstId = (await first.getAttribute('data-deployment-id'))!;
  const secondId = (await second.getAttribute('data-deployment-id'))!;
  await expect(second).toHaveAttribute('data-status', 'current');
  await expect(first).toHaveAttribute('data-status', /draining|inactive/);
  await expect(first.getByTestId('version-executions')).toHaveText('1 / 1');
  // The same design version deployed twice: the rows say which deploy each is.
  await expect(first).toContainText('v1 (deploy 1)');
  await expect(second).toContainText('v1 (deploy 2)');

  // Roll back: the first version is current again, at once, without a new deployment.
  page.once('dialog', (dialog) => void dialog.accept());
  await panel.getByTestId(`rollback-${firstId}`).click();
  await expect(panel.getByTestId('versioning-result')).toHaveText('v1 (deploy 1) is the current version.');
  await expect(first).toHaveAttribute('data-status', 'current');
  await expect(rows).toHaveCount(2);

  // Ramp the second at 25 %: the prompt takes the percentage.
  page.once('dialog', (dialog) => void dialog.accept('25'));
  await panel.getByTestId(`ramp-${secondId}`).click();
  await expect(second).toHaveAttribute('data-status', 'ramping');
  await expect(second).toContainText('ramping 25 %');
  await expect(panel.getByTestId('routing-summary')).toHaveText('New executions: 75 % on v1 (deploy 1), 25 % on v1 (deploy 2) (ramping).');
  await panel.screenshot({ path: 'test-results/versioning-ramping.png' });

  page.once('dialog', (dialog) => void dialog.accept());
  await panel.getByTestId(`stop-ramp-${secondId}`).click();
  await expect(second).not.toHaveAttribute('data-status', 'ramping');
  await expect(panel.getByTestId('routing-summary')).toHaveText('New executions start on v1 (deploy 1).');

  // A percentage out of range is refused in the page, before any request.
  page.once('dialog', (dialog) => void dialog.accept('100'));
  await panel.getByTestId(`ramp-${secondId}`).click();
  await expect(panel.getByTestId('versioning-result')).toHaveText(/from 1 to 99/);

  // Promote the second: current again; the first drains with its running execution.
  page.once('dialog', (dialog) => void dialog.accept());
  await panel.getByTestId(`promote-${secondId}`).click();
  await expect(second).toHaveAttribute('data-status', 'current');
  await expect(first).toHaveAttribute('data-status', /draining/);
  await panel.screenshot({ path: 'test-results/versioning-promoted.png' });

  // The second deploy's replay check passed (the first version's execution against the new code): auto-upgrade may be chosen.
  page.once('dialog', (dialog) => void dialog.accept());
  await panel.getByTestId('versioning-behavior').selectOption('auto-upgrade');
  await expect(panel.getByTestId('versioning-result')).toHaveText('The design is auto-upgrade from its next deploy on.');
  page.once('dialog', (dialog) => void dialog.accept());
  await panel.getByTestId('versioning-behavior').selectOption('pinned');
  await expect(panel.getByTestId('versioning-result')).toHaveText('The design is pinned from its next deploy on.');

  // A canary deploy from the panel: a third deployment, ramping at 10 % beside the current one.
  page.once('dialog', (dialog) => void dialog.accept('10'));
  await panel.getByTestId('deploy-canary').click();
  await expect(panel.getByTestId('versioning-result')).toHaveText('The new version ramps at 10 %.', { timeout: 120_000 });
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAttribute('data-status', 'ramping');
  await expect(panel.locator(`[data-deployment-id="${secondId}"]`)).toHaveAttribute('data-status', 'current');
  await panel.screenshot({ path: 'test-results/versioning-canary.png' });
});

import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

test.use({ viewport: { width: 1440, height: 900 } });

const design = JSON.parse(readFileSync(new URL('../codegen/__golden__/activity-failure/design.json', import.meta.url), 'utf8'));

/**
 * Failures as paths: the activity of ChargeBatchWorkflow draws "next" and "on failure" with an
 * edge from each; its inspector switch takes the output away and brings it back.
 */
test('an activity draws its "on failure" output, switched in the inspector', async ({ page }) => {
  const created = await page.request.post('/api/designs', { data: { design } });
  expect(created.ok(), await created.text()).toBe(true);
  const { id } = (await created.json()) as { id: string };
  const designer = new DesignerPage(page);
  await page.goto(`/designs/${id}`);
  const charge = designer.node('charge');
  await expect(charge).toBeVisible();
  await expect(charge.getByText('on failure')).toBeVisible();
  await designer.selectNode('charge');
  await expect(designer.field('onFailure')).toBeChecked();
  await page.screenshot({ path: 'test-results/activity-failure-on.png' });

  await designer.field('onFailure').uncheck();
  await expect(charge.getByText('on failure')).toHaveCount(0);
  await designer.field('onFailure').check();
  await expect(charge.getByText('on failure')).toBeVisible();
});

import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

test.use({ viewport: { width: 1600, height: 1000 } });

/** An edge drawn along its auto-layout route: straight runs only (M … L …), not React Flow's curve (C). */
const ROUTED = /^M[\d.\-e ]+( L[\d.\-e ]+)+$/;

test('auto-layout: edges follow their routes around nodes, text stays readable at Fit', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('multi-level-approval');
  await page.getByTestId('auto-layout').click();
  const paths = designer.edges.locator('path.react-flow__edge-path');
  await expect(async () => {
    const ds = await paths.evaluateAll((els) => els.map((el) => el.getAttribute('d') ?? ''));
    expect(ds.length).toBeGreaterThan(5);
    for (const d of ds) expect(d.trim()).toMatch(ROUTED);
  }).toPass({ timeout: 10_000 });
  // Fit: zoomed no further out than a node's 13 px label stays at 10 px (the minimap is kept clear: components/flow/fit-viewport.test.ts).
  await page.getByTestId('zoom-to-fit').click();
  await expect(async () => {
    const zoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
    expect(zoom).toBeGreaterThanOrEqual(10 / 13 - 0.001);
    expect(zoom).toBeLessThanOrEqual(1);
  }).toPass({ timeout: 5_000 });
  await expect(designer.node('start')).toBeVisible();
  await page.screenshot({ path: 'test-results/layout-readable-multi-level.png' });
});

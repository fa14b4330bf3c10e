import { benchDesign } from '@/bench/designer-designs';
import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

test.use({ viewport: { width: 1600, height: 1000 } });

/**
 * A 1,000-node design (the speed benchmark's, bench/designer.ts): React Flow renders only the
 * nodes near the viewport, from the first frame on (it used to mount all 1,000 once to measure
 * them), a node far away is still found, selected, edited and undone, and the whole design in
 * view is an overview of shapes rather than 1,000 rendered nodes.
 */
test('a 1,000-node design mounts only the nodes in view; a far node is revealed, edited and undone', async ({ page }) => {
  // Counts the most node elements ever mounted at once, from before the designer's first render.
  await page.addInitScript(`(() => {
    window.__mostNodes = 0;
    new MutationObserver(() => {
      window.__mostNodes = Math.max(window.__mostNodes, document.querySelectorAll('.react-flow__node').length);
    }).observe(document, { childList: true, subtree: true });
  })()`);
  const created = await page.request.post('/api/designs', { data: { design: benchDesign(1000) } });
  expect(created.ok(), await created.text()).toBe(true);
  const { id } = (await created.json()) as { id: string };

  const designer = new DesignerPage(page);
  await page.goto(`/designs/${id}`);
  await expect(designer.node('start')).toBeVisible();
  await expect(designer.node('n20')).toBeVisible();
  const mostMounted = async () => Number(await page.evaluate('window.__mostNodes'));
  expect(await mostMounted()).toBeLessThan(100);
  await expect(designer.node('end')).toHaveCount(0);

  // The outline reveals the signal of row 40, 6,800 px below: it is rendered once in view.
  await page.getByTestId('outline-handler-go40').click();
  await expect(designer.node('go40')).toBeVisible();
  await expect(designer.node('start')).toHaveCount(0);
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-node-id', 'go40');
  // Its edges to the waits it releases are drawn (their ends are rendered too).
  await expect(designer.edges.first()).toBeVisible();

  await designer.fill('label', 'Release the last rows');
  await expect(designer.node('go40').locator('.fnode__label')).toHaveText('Release the last rows');
  await designer.focusCanvas();
  await designer.shortcut('z');
  await expect(designer.node('go40').locator('.fnode__label')).toHaveText('Release row 40');

  // Zoom to fit shows the whole design as an overview of shapes, not 1,000 rendered nodes.
  const overview = page.getByTestId('canvas-overview');
  await page.getByTestId('zoom-to-fit').click();
  await expect(overview).toBeVisible();
  await expect(overview.locator('rect')).toHaveCount(1000);
  await expect(designer.nodes).toHaveCount(0);
  // A click on a shape selects its node and zooms in to it, back to the editable canvas.
  await overview.locator('rect[data-id="n500"]').click();
  await expect(designer.node('n500')).toBeVisible();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-node-id', 'n500');
  await expect(overview).toHaveCount(0);
  expect(await mostMounted()).toBeLessThan(100);
});

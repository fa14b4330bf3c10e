import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { ensureTemporalCli } from '../scripts/lib/temporal-cli';
import { expect, test } from './fixtures';
import { ExecutionPage } from './pages/ExecutionPage';

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  return box!;
}

/** Whether inner lies wholly inside outer (half a pixel of rounding allowed). */
function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5
    && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
}

/** The boxes of every node on the diagram and of every badge drawn over a node, each with its test id. */
async function nodeAndBadgeBoxes(page: Page): Promise<{ id: string; box: Box }[]> {
  const parts = page.getByTestId('execution-diagram')
    .locator('[data-testid^="exec-node-"], [data-testid^="visits-"], [data-testid^="deadline-"], [data-testid^="ended-"], [data-testid^="running-"]');
  const found: { id: string; box: Box }[] = [];
  for (const part of await parts.all()) found.push({ id: (await part.getAttribute('data-testid'))!, box: await boxOf(part) });
  return found;
}

async function outsideCanvas(page: Page, execution: ExecutionPage): Promise<string[]> {
  const canvas = await boxOf(execution.diagram);
  return (await nodeAndBadgeBoxes(page)).filter((part) => !inside(part.box, canvas)).map((part) => part.id);
}

/** The diagram's share of the window, and its height and width shares. */
async function diagramShare(page: Page, execution: ExecutionPage) {
  const viewport = page.viewportSize()!;
  const diagram = await boxOf(execution.diagram);
  return {
    area: (diagram.width * diagram.height) / (viewport.width * viewport.height),
    height: diagram.height / viewport.height,
    width: diagram.width / viewport.width,
  };
}

/** Screenshots go where SHOTS_DIR says (other runs may empty test-results meanwhile). */
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-results';

async function screenshots(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS_DIR}/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const LONG_REJECTION = 'The card token is not valid: it must be the 10-or-more character token your payment provider returned when the card was '
  + 'saved (for example tok-1234567890), not the card number, not its last four digits and not the expiry date. Ask the customer '
  + 'to enter the card again if the token was lost, then retry the payment with the new token. End of the message.';

test('the execution page: the diagram is the main area, follows the lit step, fits with its badges, and the forms say their rules', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const tag = Date.now().toString(36);
  // The chapter's order (a tall diagram with four message handlers), its card-token rule with a long rejection.
  const order = JSON.parse(readFileSync(new URL('../codegen/__golden__/order/design.json', import.meta.url), 'utf8'));
  const pay = order.nodes.find((n: { id: string }) => n.id === 'pay');
  pay.validators.find((v: { condition: string }) => v.condition.includes('cardToken')).message = LONG_REJECTION;
  const created = await page.request.post('/api/designs', { data: { design: { ...order, name: `PageOrder${tag}` } } });
  expect(created.status(), await created.text()).toBe(201);
  const designId: string = (await created.json()).id;
  const deployed = await page.request.post(`/api/designs/${designId}/deployments`, { data: {} });
  expect(deployed.status(), await deployed.text()).toBe(201);
  const start = async (workflowId: string) => {
    const started = await page.request.post('/api/executions', { data: { designId, workflowId, input: { orderId: workflowId, customerId: 'c-1' } } });
    expect(started.status(), await started.text()).toBe(201);
  };
  const update = async (workflowId: string, name: string, args: object) => {
    const response = await page.request.post(`/api/executions/${workflowId}/updates/${name}`, { data: { args } });
    expect(response.status(), await response.text()).toBe(200);
  };
  const moving = `page-${tag}-a`;
  const cancelled = `page-${tag}-b`;
  await start(moving);
  await start(cancelled);
  await update(moving, 'addItem', { sku: 'mouse', name: 'Mouse', quantity: 1, price: '29.99' });

  const execution = new ExecutionPage(page);
  await page.goto(`/executions/${moving}`);
  await execution.expectCurrentStep('await-payment');
  await expect(page.getByTestId('deadline-await-payment')).toBeVisible();

  // The diagram is the main area.
  const wide = await diagramShare(page, execution);
  expect(wide.height, JSON.stringify(wide)).toBeGreaterThan(0.6);
  expect(wide.width, JSON.stringify(wide)).toBeGreaterThan(0.7);
  expect(wide.area, JSON.stringify(wide)).toBeGreaterThan(0.45);

  // Fit: every node and every badge over one (visit counts, the wait's deadline) lies inside the canvas.
  await execution.fitButton.click();
  await expect.poll(() => outsideCanvas(page, execution)).toEqual([]);

  // The update form says its validator's rules and its fields' types.
  await expect(execution.rules('pay')).toContainText('cardToken has at least 10 characters');
  await expect(execution.rules('pay')).toContainText('status is "pending"');
  await expect(execution.rules('pay')).toContainText(LONG_REJECTION);
  await expect(page.getByTestId('update-pay-amount-type')).toHaveText('money (exact decimal), required');
  await expect(page.getByTestId('signal-markShipped-carrier-type')).toHaveText('text, required');

  // A long rejection is shown whole: wrapped inside the panel, no inner scrolling, nothing cut.
  await execution.send('update', 'pay', { method: 'card', amount: '29.99', cardToken: 'short' });
  const rejection = execution.outcome('update', 'pay');
  await expect(rejection).toHaveAttribute('data-tone', 'rejected');
  await expect(rejection).toHaveText(`Rejected: ${LONG_REJECTION}`);
  const fits = await rejection.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, scrollW: el.scrollWidth, clientW: el.clientWidth }));
  expect(fits.scroll, JSON.stringify(fits)).toBeLessThanOrEqual(fits.client);
  expect(fits.scrollW, JSON.stringify(fits)).toBeLessThanOrEqual(fits.clientW);
  await rejection.scrollIntoViewIfNeeded();
  expect(inside(await boxOf(rejection), await boxOf(execution.sidePanel))).toBe(true);
  await screenshots(page, 'execution-page-1600-rejection');

  // Follow (on by default): pan the next step out of view, move the execution on, and the lit step comes back into view.
  await expect(execution.followToggle).toBeChecked();
  const canvas = await boxOf(execution.diagram);
  // Grab the empty canvas on the right (the zoom controls sit at the bottom left).
  await page.mouse.move(canvas.x + canvas.width - 40, canvas.y + canvas.height - 60);
  await page.mouse.down();
  await page.mouse.move(canvas.x + canvas.width - 40, canvas.y + canvas.height - 60 - 500, { steps: 12 });
  await page.mouse.up();
  expect(inside(await boxOf(execution.node('await-shipping')), await boxOf(execution.diagram))).toBe(false);
  await update(moving, 'pay', { method: 'card', amount: '29.99', cardToken: 'tok-1234567890' });
  await execution.expectCurrentStep('await-shipping');
  await expect.poll(async () => inside(await boxOf(execution.node('await-shipping')), await boxOf(execution.diagram))).toBe(true);

  // A signal whose payload does not match the design (sent by another client: the app checks fields
  // before sending) changes nothing, and the messages panel says so, with the reason whole.
  const cli = await ensureTemporalCli();
  execFileSync(cli.path, ['workflow', 'signal', '--address', `127.0.0.1:${process.env.E2E_TEMPORAL_PORT ?? 7300}`, '--workflow-id', moving,
    '--name', 'markShipped', '--input', JSON.stringify({ carrier: 42, trackingNumber: 'TRK-1' })]);
  const refused = page.getByTestId('refused-message');
  await expect(refused).toHaveCount(1);
  await expect(refused).toHaveAttribute('data-tone', 'rejected');
  await expect(refused).toContainText('Mark shipped');
  await expect(refused.getByTestId('refused-reason')).toHaveText(/^Field "carrier" of the arguments of signal "markShipped" .*42$/);
  const whole = await refused.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, scrollW: el.scrollWidth, clientW: el.clientWidth }));
  expect(whole.scroll, JSON.stringify(whole)).toBeLessThanOrEqual(whole.client);
  expect(whole.scrollW, JSON.stringify(whole)).toBeLessThanOrEqual(whole.clientW);
  await execution.expectCurrentStep('await-shipping');

  // A click on a node selects it (shared with the history); a click on the empty canvas clears it.
  await execution.node('await-shipping').click();
  await expect(execution.nodeWithBadges('await-shipping')).toHaveAttribute('data-selected', 'true');
  const after = await boxOf(execution.diagram);
  await page.mouse.click(after.x + after.width - 30, after.y + after.height / 2);
  await expect(execution.nodeWithBadges('await-shipping')).not.toHaveAttribute('data-selected', 'true');
  await screenshots(page, 'execution-page-1600');

  // The side panel collapses (the diagram takes its room), comes back, and resizes by dragging its edge.
  const panelWidth = (await boxOf(execution.sidePanel)).width;
  const diagramWidth = (await boxOf(execution.diagram)).width;
  await execution.sidePanelToggle.click();
  await expect.poll(async () => (await execution.sidePanel.boundingBox())?.width ?? 0).toBeLessThan(2);
  await expect.poll(async () => (await boxOf(execution.diagram)).width).toBeGreaterThan(diagramWidth + panelWidth - 10);
  await expect(execution.sidePanelToggle).toHaveText('Show panel');
  await execution.sidePanelToggle.click();
  await expect.poll(async () => Math.round((await boxOf(execution.sidePanel)).width)).toBeGreaterThan(panelWidth - 10);
  const edge = await boxOf(execution.sidePanelResizer);
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 - 200, edge.y + edge.height / 2, { steps: 10 });
  await page.mouse.up();
  const widened = (await boxOf(execution.sidePanel)).width;
  expect(widened).toBeGreaterThan(panelWidth + 180);
  expect(widened).toBeLessThan(panelWidth + 220);

  // A completed execution lights the End it finished on, in view, said as such.
  await page.goto(`/executions/${cancelled}`);
  await execution.expectCurrentStep('await-payment');
  await execution.send('signal', 'cancelOrder', {});
  await execution.expectStatus('COMPLETED', 15_000);
  await execution.expectCurrentStep('end-cancelled');
  await expect(page.getByTestId('ended-end-cancelled')).toHaveText(/ended here/);
  await expect.poll(async () => inside(await boxOf(page.getByTestId('ended-end-cancelled')), await boxOf(execution.diagram))).toBe(true);
  // The result banner shrinks the canvas when the execution completes: the canvas fits again by itself, and Fit too.
  await expect.poll(() => outsideCanvas(page, execution)).toEqual([]);
  await execution.fitButton.click();
  await expect.poll(() => outsideCanvas(page, execution)).toEqual([]);
  await screenshots(page, 'execution-page-1600-completed');

  // 1024×768: still the main area, everything fits, the rejection still whole.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`/executions/${moving}`);
  await execution.expectCurrentStep('await-shipping');
  const small = await diagramShare(page, execution);
  // Half the height: the history below keeps room for a few rows (250 px, not 170).
  expect(small.height, JSON.stringify(small)).toBeGreaterThan(0.5);
  expect(small.width, JSON.stringify(small)).toBeGreaterThan(0.6);
  expect((await boxOf(page.getByTestId('execution-history'))).height).toBeGreaterThanOrEqual(240);
  // The side panel opens at about 30 % of the width, not 380 px.
  const side = (await boxOf(execution.sidePanel)).width;
  expect(side).toBeGreaterThanOrEqual(259);
  expect(side).toBeLessThanOrEqual(1024 * 0.31);
  // The first fit (and its refit as the panels settle) shows every node, Start included, before any Fit.
  await expect.poll(() => outsideCanvas(page, execution)).toEqual([]);
  await execution.fitButton.click();
  await expect.poll(() => outsideCanvas(page, execution)).toEqual([]);
  await expect.poll(async () => inside(await boxOf(execution.node('await-shipping')), await boxOf(execution.diagram))).toBe(true);
  await screenshots(page, 'execution-page-1024');
  await page.goto(`/executions/${cancelled}`);
  await execution.expectCurrentStep('end-cancelled');
  await expect.poll(async () => inside(await boxOf(page.getByTestId('ended-end-cancelled')), await boxOf(execution.diagram))).toBe(true);
  await expect.poll(() => outsideCanvas(page, execution)).toEqual([]);
  await screenshots(page, 'execution-page-1024-completed');
});

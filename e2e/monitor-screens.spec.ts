/**
 * Screenshot baselines and an automated layout check of the monitor (issue 13): the execution page,
 * its history and the executions list at 1600×1000 and 1024×768, light and dark. The theme follows
 * the browser's colour scheme when none was chosen (lib/theme-script.ts), so each test clears a
 * stored choice and emulates the scheme. Dynamic text (ids, times, durations, the design select
 * whose options depend on every design in the database) is masked; the rest must match exactly
 * enough across runs on the same Chromium and fonts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { ensureTemporalCli } from '../scripts/lib/temporal-cli';
import { THEME_STORAGE_KEY } from '../lib/theme-script';
import { expect, test } from './fixtures';
import { isInside, layoutProblems } from './layout-check';
import { ExecutionPage } from './pages/ExecutionPage';

const SIZES = [{ width: 1600, height: 1000 }, { width: 1024, height: 768 }] as const;
const SCHEMES = ['light', 'dark'] as const;
/** The e2e stack's Temporal (playwright.config.ts): the CLI sends the signal the app would refuse to send. */
const TEMPORAL_ADDRESS = `127.0.0.1:${process.env.E2E_TEMPORAL_PORT ?? 7300}`;
/** A fixed name (designs need not have unique names), so the back link's width never changes the layout. */
const DESIGN_NAME = 'MonitorOrder';

interface Fixture {
  designId: string;
  running: string;
  completed: string;
}

let fixture: Promise<Fixture> | undefined;

/**
 * One order design (the chapter's, tall, with four kinds of message) and two executions: one
 * waiting for shipping after an item and a payment, with a refused signal; one cancelled.
 */
function monitorFixture(request: APIRequestContext): Promise<Fixture> {
  fixture ??= (async () => {
    // Eight base-36 characters for years to come: ids of one length in a monospace font.
    const tag = Date.now().toString(36);
    const order = JSON.parse(readFileSync(new URL('../codegen/__golden__/order/design.json', import.meta.url), 'utf8'));
    const created = await request.post('/api/designs', { data: { design: { ...order, name: DESIGN_NAME } } });
    expect(created.status(), await created.text()).toBe(201);
    const designId: string = (await created.json()).id;
    const deployed = await request.post(`/api/designs/${designId}/deployments`, { data: {} });
    expect(deployed.status(), await deployed.text()).toBe(201);
    const running = `mon-${tag}-a`;
    const completed = `mon-${tag}-b`;
    for (const workflowId of [running, completed]) {
      const started = await request.post('/api/executions', { data: { designId, workflowId, input: { orderId: workflowId, customerId: 'c-1' } } });
      expect(started.status(), await started.text()).toBe(201);
    }
    const update = async (name: string, args: object) => {
      const response = await request.post(`/api/executions/${running}/updates/${name}`, { data: { args } });
      expect(response.status(), await response.text()).toBe(200);
    };
    await update('addItem', { sku: 'mouse', name: 'Mouse', quantity: 1, price: '29.99' });
    await update('pay', { method: 'card', amount: '29.99', cardToken: 'tok-1234567890' });
    // The app checks a signal's fields before sending it; another client does not: the workflow refuses it.
    const cli = await ensureTemporalCli();
    execFileSync(cli.path, ['workflow', 'signal', '--address', TEMPORAL_ADDRESS, '--workflow-id', running, '--name', 'markShipped',
      '--input', JSON.stringify({ carrier: 42, trackingNumber: 'TRK-1' })]);
    const cancel = await request.post(`/api/executions/${completed}/signals/cancelOrder`, { data: { args: {} } });
    expect(cancel.status(), await cancel.text()).toBe(202);
    return { designId, running, completed };
  })();
  return fixture;
}

async function prepare(page: Page, size: { width: number; height: number }, scheme: 'light' | 'dark') {
  await page.addInitScript((key) => localStorage.removeItem(key), THEME_STORAGE_KEY);
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
}

/** The pointer off every control (a hover would change the picture). */
async function restPointer(page: Page) {
  await page.mouse.move(0, 0);
}

/** Text that changes from run to run on the execution page. */
function executionMasks(page: Page): Locator[] {
  return [
    page.getByRole('link', { name: /^←/ }),
    page.locator('h1 code'),
    page.getByTestId('execution-started'),
    page.getByTestId('execution-duration'),
    page.getByTestId('execution-run-id'),
    page.getByTestId('execution-result'),
    page.locator('[data-testid^="deadline-"]'),
    page.getByTestId('history-time'),
    page.getByTestId('history-scroller').locator('code'),
    page.getByTestId('refused-messages').locator('time'),
    page.getByTestId('variable-orderId').locator('td'),
    page.getByTestId('pending-timers'),
    page.getByTestId('notification-count'),
  ];
}

/** Every node of the diagram on the canvas: the first fit (and its refit as the panels settle) shows them all. */
async function nodesOutsideCanvas(execution: ExecutionPage): Promise<string[]> {
  const outside: string[] = [];
  for (const node of await execution.diagram.locator('.react-flow__node').all()) {
    if (!(await isInside(node, execution.diagram)).inside) outside.push((await node.getAttribute('data-id')) ?? '?');
  }
  return outside;
}

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    const at = `${size.width}-${scheme}`;

    test(`${size.width}×${size.height} ${scheme}: the execution page and its history look right and lay out cleanly`, async ({ page }) => {
      test.setTimeout(240_000);
      const { running, completed } = await monitorFixture(page.request);
      await prepare(page, size, scheme);
      const execution = new ExecutionPage(page);

      await page.goto(`/executions/${running}`);
      await execution.expectCurrentStep('await-shipping');
      await expect(page.getByTestId('refused-message')).toHaveCount(1);
      await expect(page.getByTestId('history-event').first()).toBeVisible();
      await restPointer(page);
      await expect.poll(() => nodesOutsideCanvas(execution)).toEqual([]);
      expect(await layoutProblems(page, { canvas: execution.diagram })).toEqual([]);
      await expect(page).toHaveScreenshot(`execution-page-${at}.png`, { mask: executionMasks(page) });
      await expect(page.getByTestId('execution-history')).toHaveScreenshot(`history-${at}.png`, { mask: executionMasks(page) });

      // A finished execution: the result banner takes room from the canvas, which fits again, the End lit.
      await page.goto(`/executions/${completed}`);
      await execution.expectStatus('COMPLETED', 15_000);
      await execution.expectCurrentStep('end-cancelled');
      await expect(page.getByTestId('ended-end-cancelled')).toBeVisible();
      await restPointer(page);
      await expect.poll(() => nodesOutsideCanvas(execution)).toEqual([]);
      expect(await layoutProblems(page, { canvas: execution.diagram })).toEqual([]);
      await expect(page).toHaveScreenshot(`execution-page-completed-${at}.png`, { mask: executionMasks(page) });
    });

    test(`${size.width}×${size.height} ${scheme}: the executions list looks right and lays out cleanly`, async ({ page }) => {
      test.setTimeout(240_000);
      const { designId, running } = await monitorFixture(page.request);
      await prepare(page, size, scheme);
      await page.goto(`/executions?designId=${encodeURIComponent(designId)}`);
      await expect(page.getByTestId('execution-row')).toHaveCount(2);
      await expect(page.locator(`[data-workflow-id="${running}"]`).getByTestId('execution-row-step')).toHaveText('Await shipping');
      await restPointer(page);
      expect(await layoutProblems(page)).toEqual([]);
      // The design select is as wide as the longest design name in the database (other tests add
      // designs): pinned for the picture only, its text masked; the layout check above measured it as it is.
      await page.addStyleTag({ content: '[data-testid="filter-design"] { width: 420px !important; }' });
      await expect(page).toHaveScreenshot(`executions-list-${at}.png`, {
        mask: [
          page.getByTestId('execution-row').locator('a'),
          page.getByTestId('execution-row-started'),
          page.getByTestId('execution-row-closed'),
          page.getByTestId('filter-design'),
          page.getByTestId('notification-count'),
        ],
      });
    });
  }
}

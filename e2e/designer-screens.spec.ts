/**
 * Screenshot baselines and an automated layout check of the designer (issue 14): a new (empty)
 * design, the two largest templates at Fit, and the approval design the process form generates,
 * at 1600×1000 and 1024×768, light and dark. The check, as a person would look: every node inside
 * the canvas, no two nodes on each other, no text cut off, and at Fit either labels of a readable
 * size or the overview. Dynamic text (the save state, the version, counts of other designs) is masked.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { THEME_STORAGE_KEY } from '../lib/theme-script';
import { E2E_ADMIN, expect, test } from './fixtures';
import { clippedTexts, isInside, overlappingNodes } from './layout-check';
import { DesignerPage } from './pages/DesignerPage';

const SIZES = [{ width: 1600, height: 1000 }, { width: 1024, height: 768 }] as const;
const SCHEMES = ['light', 'dark'] as const;
/** components/flow/fit-viewport.ts: a node's 13 px label drawn no smaller than 10 px, else the overview. */
const READABLE_ZOOM = 10 / 13;
/** An edge drawn along its auto-layout route: straight runs only, not React Flow's curve. */
const ROUTED = /^M[\d.\-e ]+( L[\d.\-e ]+)+$/;
const PROCESS_NAME = 'Screens expense claim';

/**
 * The form's approval design as the issue saw it unreadable: two levels, the first escalated to a
 * role with its own deadline, notifications. Created once (reused when a retried worker finds it).
 */
let approvalDesign: Promise<string> | undefined;
function approvalDesignId(request: APIRequestContext): Promise<string> {
  approvalDesign ??= (async () => {
    const listed = (await (await request.get('/api/processes')).json()) as { processes: { name: string; designId: string }[] };
    const existing = listed.processes.find((p) => p.name === PROCESS_NAME);
    if (existing) return existing.designId;
    const spec = {
      name: PROCESS_NAME,
      notify: true,
      fields: [{ name: 'amount', type: 'money', required: true }, { name: 'purpose', type: 'string', required: true }],
      levels: [
        {
          name: 'Lead',
          approvers: [{ kind: 'user', name: E2E_ADMIN.username }],
          deadline: { amount: 2, unit: 'days' },
          onDeadline: { action: 'escalate', to: { kind: 'role', name: 'admin' }, deadline: { amount: 1, unit: 'days' }, then: { action: 'reject' } },
        },
        { name: 'Finance', approvers: [{ kind: 'role', name: 'approver' }], condition: 'input.amount >= money("500")', deadline: { amount: 3, unit: 'days' }, onDeadline: { action: 'reject' } },
      ],
    };
    const created = await request.post('/api/processes', { data: { spec }, timeout: 180_000 });
    expect(created.status(), await created.text()).toBe(201);
    return ((await created.json()) as { process: { designId: string } }).process.designId;
  })();
  return approvalDesign;
}

async function prepare(page: Page, size: { width: number; height: number }, scheme: 'light' | 'dark') {
  await page.addInitScript((key) => localStorage.removeItem(key), THEME_STORAGE_KEY);
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
}

/** Text that changes from run to run. */
function masks(page: Page): Locator[] {
  return [page.getByTestId('save-state'), page.getByTestId('notification-count')];
}

const zoomOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

/** What a person would see wrong with the designer as it is now; empty when it is fine. */
async function designerProblems(page: Page, designer: DesignerPage): Promise<string[]> {
  const found: string[] = [];
  const zoom = await zoomOf(page);
  const nodes = designer.canvas.locator('.react-flow__node');
  // Below the readable zoom React Flow's nodes give way to the overview (Overview.tsx); either way nothing is unreadable.
  if (zoom < READABLE_ZOOM - 0.001 && (await nodes.count()) > 0 && (await nodes.first().isVisible())) found.push(`labels drawn at ${(13 * zoom).toFixed(1)} px`);
  // A design too big to fit at a readable size stays at that size at Fit, the rest a pan away; a smaller one fits whole.
  const atReadableFloor = zoom < READABLE_ZOOM + 0.01;
  for (const node of await nodes.all()) {
    if (!(await node.isVisible()) || atReadableFloor) continue;
    const where = await isInside(node, designer.canvas);
    if (!where.inside) found.push(`node ${await node.getAttribute('data-id')} outside the canvas`);
  }
  found.push(...(await overlappingNodes(designer.canvas)), ...(await clippedTexts(page)));
  return found;
}

async function settle(page: Page) {
  await page.mouse.move(0, 0);
  // The save indicator, the compile and the fit settle; a screenshot compares two frames anyway.
  await expect(page.getByTestId('diagnostics')).toHaveAttribute('data-status', 'ok');
}

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    const at = `${size.width}-${scheme}`;

    test(`${size.width}×${size.height} ${scheme}: a new design, the largest templates at Fit and a form-generated approval look right`, async ({ page }) => {
      test.setTimeout(300_000);
      await prepare(page, size, scheme);
      const designer = new DesignerPage(page);

      await designer.createNew();
      await settle(page);
      expect(await designerProblems(page, designer)).toEqual([]);
      await page.screenshot({ path: `test-results/designer-empty-${at}.png` });
      await expect(page).toHaveScreenshot(`designer-empty-${at}.png`, { mask: masks(page) });

      for (const template of ['ecommerce-order', 'multi-level-approval']) {
        await designer.createFromTemplate(template);
        await page.getByTestId('zoom-to-fit').click();
        await settle(page);
        await page.screenshot({ path: `test-results/designer-${template}-${at}.png` });
        await expect.poll(() => designerProblems(page, designer)).toEqual([]);
        await expect(page).toHaveScreenshot(`designer-${template}-fit-${at}.png`, { mask: masks(page) });
      }

      // Opened as saved, without pressing Layout: laid out on the server, its edges routed around the nodes.
      const designId = await approvalDesignId(page.request);
      await page.goto(`/designs/${designId}`);
      await expect(designer.node('start')).toBeVisible();
      await expect(async () => {
        const ds = await designer.edges.locator('path.react-flow__edge-path').evaluateAll((els) => els.map((el) => el.getAttribute('d') ?? ''));
        expect(ds.length).toBeGreaterThan(10);
        for (const d of ds) expect(d.trim()).toMatch(ROUTED);
      }).toPass({ timeout: 15_000 });
      await settle(page);
      await page.screenshot({ path: `test-results/designer-approval-${at}.png` });
      await expect.poll(() => designerProblems(page, designer)).toEqual([]);
      await expect(page).toHaveScreenshot(`designer-approval-${at}.png`, { mask: masks(page) });
    });
  }
}

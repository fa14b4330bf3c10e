import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

test.use({ viewport: { width: 1600, height: 1000 } });

type Point = { x: number; y: number };

async function centre(box: { x: number; y: number; width: number; height: number } | null): Promise<Point> {
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse drag: down at `from`, moved in steps, and (unless asked not to) released at `to`. */
async function drag(page: import('@playwright/test').Page, from: Point, to: Point, { release = true } = {}) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  if (release) await page.mouse.up();
}

test("a connection dropped on empty canvas offers the steps that fit there; the pick is added connected, undone in one step", async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createNew();
  await expect(designer.nodes).toHaveCount(1);
  await expect(designer.edges).toHaveCount(0);
  const from = await centre(await designer.sourceHandle('start', { id: 'next' }).boundingBox());
  const drop = { x: from.x + 40, y: from.y + 220 };

  // Escape closes the menu and adds nothing.
  await drag(page, from, drop);
  const menu = page.getByTestId('connect-menu');
  await expect(menu).toBeVisible();
  await expect(page.getByTestId('connect-menu-search')).toBeFocused();
  await expect(menu.getByRole('option')).toHaveCount(9);
  await expect(page.getByTestId('connect-menu-timer')).toBeVisible();
  // Message handlers never take an input: not offered after a step's output.
  await expect(page.getByTestId('connect-menu-signal')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/canvas-friction-menu.png' });
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(designer.nodes).toHaveCount(1);

  // Type to filter, Enter picks: a Timer appears at the drop point, connected from Start.
  await drag(page, from, drop);
  await page.keyboard.type('tim');
  // Name matches first (Wait's description mentions a timeout): Enter picks the Timer.
  await expect(menu.getByRole('option').first()).toHaveText('Timer');
  await expect(menu.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(designer.nodes).toHaveCount(2);
  await expect(designer.edges).toHaveCount(1);
  await expect(designer.inspector).toHaveAttribute('data-kind', 'timer');
  const timer = designer.canvas.locator('.react-flow__node.selected');
  const box = (await timer.boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - drop.x)).toBeLessThan(box.width);
  expect(Math.abs(box.y - drop.y)).toBeLessThan(120);

  // One undo takes back the step and its connection.
  await designer.focusCanvas();
  await designer.shortcut('z');
  await expect(designer.nodes).toHaveCount(1);
  await expect(designer.edges).toHaveCount(0);

  // A click picks too.
  await drag(page, from, drop);
  await page.getByTestId('connect-menu-end').click();
  await expect(designer.nodes).toHaveCount(2);
  await expect(designer.edges).toHaveCount(1);
});

test('a signal dragged onto an End says why it is refused, at the pointer, while dragging and after the drop', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  const edgesBefore = await designer.edges.count();
  const from = await centre(await designer.sourceHandle('approve', { id: 'out' }).boundingBox());
  // The End's body, away from its input handle.
  const endBox = (await designer.node('end-approved').boundingBox())!;
  const to = { x: endBox.x + endBox.width / 2, y: endBox.y + endBox.height * 0.7 };
  await drag(page, from, to, { release: false });
  const live = page.getByTestId('connection-refusal');
  await expect(live).toContainText('connects only to a Wait');
  const note = (await live.boundingBox())!;
  expect(Math.hypot(note.x - to.x, note.y - to.y)).toBeLessThan(60);
  await page.screenshot({ path: 'test-results/canvas-friction-refusal.png' });
  await page.mouse.up();
  await expect(page.getByTestId('connection-refused')).toContainText('connects only to a Wait');
  await expect(designer.edges).toHaveCount(edgesBefore);
  await expect(page.getByTestId('connect-menu')).toHaveCount(0);
});

test('one theme control in the top bar: Light, Dark and System each apply on the first click, on home and in the designer', async ({ page }) => {
  const html = page.locator('html');
  await page.goto('/');
  const control = page.getByTestId('theme-control');
  await expect(control).toBeVisible();
  await expect(page.getByTestId('theme-system')).toHaveAttribute('aria-checked', 'true');

  await page.getByTestId('theme-dark').click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-checked', 'true');
  await page.screenshot({ path: 'test-results/canvas-friction-home-dark.png' });
  await page.getByTestId('theme-light').click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.screenshot({ path: 'test-results/canvas-friction-home-light.png' });
  await page.getByTestId('theme-system').click();
  await expect(html).not.toHaveAttribute('data-theme', /./);

  // The keyboard: arrows move through the choices and choose.
  await page.getByTestId('theme-system').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme-dark')).toBeFocused();

  // The designer has the same control, not one of its own; edge labels sit on the dark canvas.
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme-control')).toHaveCount(1);
  await expect(page.getByTestId('theme-toggle')).toHaveCount(0);
  const labelBackground = designer.canvas.locator('.react-flow__edge-textbg').first();
  await expect(labelBackground).toBeAttached();
  const fill = await labelBackground.evaluate((el) => getComputedStyle(el).fill);
  expect(fill).not.toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: 'test-results/canvas-friction-designer-dark.png' });
  await page.getByTestId('theme-light').click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.screenshot({ path: 'test-results/canvas-friction-designer-light.png' });
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

/**
 * Deploy and Start feedback (issue 13), as a person sees it at 1024×768 and 1600×1000, light and
 * dark: every deploy stage fully on screen with its outcome in words (a skipped replay check says
 * why), a refused deploy's panel that follows the design and closes with × or Escape, and Start on
 * a design that was never deployed saying why before it is pressed.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

const STAGES = ['validate', 'generate', 'typecheck', 'bundle', 'replay', 'start-worker'] as const;
/** Outside test-results/, which every other spec's run empties. */
const SHOTS = join(tmpdir(), 'signalbox-deploy-feedback');

/** A screenshot in the light and the dark theme. */
async function shootBothThemes(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(300); // the buttons' colour transition
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1600, height: 1000 },
];

/** The element's box lies inside the viewport and nothing in it is cut off sideways. */
async function expectFullyVisible(page: Page, element: Locator, what: string) {
  await expect(element, what).toBeVisible();
  const viewport = page.viewportSize()!;
  const box = (await element.boundingBox())!;
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(viewport.height);
  const clipped = await element.evaluate((root) =>
    [root, ...Array.from(root.querySelectorAll('*'))]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).position !== 'absolute')
      .map((el) => `${el.tagName} "${el.textContent}" ${el.scrollWidth}>${el.clientWidth}`),
  );
  expect(clipped, `${what}: clipped text`).toEqual([]);
}

async function expectStagesReadable(page: Page, designer: DesignerPage) {
  await expectFullyVisible(page, designer.deployStatus, 'deploy panel');
  for (const stage of STAGES) await expectFullyVisible(page, designer.deployStage(stage), `stage ${stage}`);
}

for (const size of SIZES) {
  test(`${size.width}×${size.height}: Start waits for a first deploy; every stage reads in full, a skipped replay check says why`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    const designer = new DesignerPage(page);
    await designer.createFromExample();
    const tag = `${size.width}`;

    // Never deployed: Deploy is the primary action; Start is disabled and says why, on screen.
    const start = page.getByTestId('start-button');
    const deploy = page.getByTestId('deploy-button');
    await expect(start).toBeDisabled();
    await expect(start).toHaveAccessibleDescription('Deploy this design first');
    await expectFullyVisible(page, page.getByTestId('start-reason'), 'Start’s reason');
    await expectFullyVisible(page, start, 'Start');
    await expectFullyVisible(page, deploy, 'Deploy');
    await expect(deploy).toHaveClass(/btn--primary/);
    await expect(start).not.toHaveClass(/btn--primary/);
    await shootBothThemes(page, `never-deployed-${tag}`);

    // The API refuses the same start naming the design, not its id.
    const id = designer.designId();
    const refused = await page.request.post('/api/executions', { data: { designId: id, input: { request_id: 'r' } } });
    expect(refused.status()).toBe(422);
    const message: string = (await refused.json()).error.message;
    expect(message).toContain('"ApprovalWorkflow" has no active deployment');
    expect(message).not.toContain(id);

    // First deploy: every stage visible at this width, each outcome in words.
    expect(await designer.deployAndWait(), await designer.deployStatus.innerText()).toBe('deployed');
    await expectStagesReadable(page, designer);
    await expect(designer.deployStage('typecheck')).toContainText('Type check: passed in');
    await expect(designer.deployStage('replay')).toContainText('skipped — first deploy, nothing to compare with');
    await expect(designer.deployStage('start-worker')).toContainText(/polling in .* — version \d+ is current/);
    await shootBothThemes(page, `deployed-${tag}`);

    // Deployed: Start is the primary action again.
    await expect(start).toBeEnabled();
    await expect(start).toHaveClass(/btn--primary/);
    await expect(page.getByTestId('start-reason')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(designer.deployStatus).toHaveCount(0);
  });
}

test('a second deploy with no executions of the first: the skipped replay check says so', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const designer = new DesignerPage(page);
  await designer.createFromExample();
  expect(await designer.deployAndWait(), await designer.deployStatus.innerText()).toBe('deployed');
  await page.getByTestId('deploy-dismiss').click();
  await expect(page.getByTestId('start-button')).toBeEnabled();
  await page.getByTestId('design-name').fill('ApprovalSecondCut');
  expect(await designer.deployAndWait(), await designer.deployStatus.innerText()).toBe('deployed');
  // The server's own words, not the first deploy's: there was a version, it just had no executions.
  await expect(designer.deployStage('replay')).toContainText(/skipped — no executions of version \d+ to compare with/);
  await expectStagesReadable(page, designer);

  // The code panel shows every generated file, the messages' payload checks included.
  await page.getByTestId('code-tab-payload-checks.ts').click();
  await expect(designer.codeView).toHaveAttribute('data-file', 'payload-checks.ts');
  await expect(designer.codeView.locator('.cm-content')).toContainText('Payload checks: every start input, signal and update');
});

test(`a refused deploy's panel follows the design's problems and closes with Escape or ×`, async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  await designer.selectNode('is-approved');
  await designer.fill('branches.0.condition', 'approvd');
  // Above the Problems dock, which takes the lower part of the window at 768 high.
  await designer.focusCanvas({ x: 30, y: 150 });

  expect(await designer.deployAndWait()).toBe('error');
  const status = designer.deployStatus;
  await expect(status.getByTestId('deploy-error')).toContainText('1 problem to fix');
  await expect(designer.deployStage('validate')).toContainText('failed');
  await expect(designer.deployStage('bundle')).toContainText('not run');
  await expectStagesReadable(page, designer);

  // Another problem: the panel's count follows the live problems, as the Problems list does.
  await designer.dropNode('wait', { x: 120, y: 120 });
  await expect(designer.diagnostics).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  await expect(status.getByTestId('deploy-error')).toContainText(/has [2-9] problems to fix .*updated as you edit/, { timeout: 30_000 });
  const shown = Number((await status.getByTestId('deploy-error').innerText()).match(/has (\d+) problems/)![1]);
  await expect(status.getByTestId('deploy-finding').or(status.getByTestId('deploy-finding-text'))).toHaveCount(shown);
  await shootBothThemes(page, 'refused-1024');

  // Escape closes it: the inspector is uncovered.
  await designer.focusCanvas({ x: 30, y: 150 });
  await page.keyboard.press('Escape');
  await expect(status).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: /Inspector|Workflow settings/ })).toBeVisible();

  // Refused again: × closes it too.
  expect(await designer.deployAndWait()).toBe('error');
  await status.getByTestId('deploy-dismiss').click();
  await expect(status).toHaveCount(0);
});

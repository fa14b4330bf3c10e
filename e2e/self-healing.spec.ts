/**
 * A stack that heals itself, as a person in the designer sees it (issue 15): with the designer
 * open, the Temporal server the app uses stops answering — the banner names Temporal, an edit still
 * autosaves —, then Temporal returns (the supervisor of scripts/start.ts restarts it on the same
 * port and SQLite file), the banner goes and Deploy works, all without a reload. Then the worker host
 * stops answering and Start says why it cannot proceed.
 *
 * "Stops answering" is SIGSTOP on the process listening on the port GET /api/health names: the
 * process stays, so the supervisor leaves it be for as long as the test needs it down. Temporal then
 * returns the way a crash recovers (SIGKILL, the supervisor restarts it); the worker host gets
 * SIGCONT. afterAll resumes anything still stopped and waits until the stack is healthy again, for
 * the specs that run after this one.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

/** Outside test-results/, which every other spec's run empties. */
const SHOTS = join(tmpdir(), 'signalbox-self-healing');

interface Health {
  ok: boolean;
  temporal: { ok: boolean; address: string };
  workers: { ok: boolean; hosts: Array<{ url: string; ok: boolean }> };
}

/** The pid of the process listening on 127.0.0.1:<port> (`ss -p`: the e2e stack's own ports). */
function pidListeningOn(port: number): number {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`nothing listens on port ${port}: ${out}`);
  return Number(pid);
}

function portOf(address: string): number {
  return Number(address.split(':').pop());
}

/** Processes this spec stopped with SIGSTOP and has not resumed or killed yet. */
const stopped = new Set<number>();

function stop(pid: number): void {
  process.kill(pid, 'SIGSTOP');
  stopped.add(pid);
}

function resume(pid: number, signal: 'SIGCONT' | 'SIGKILL'): void {
  process.kill(pid, signal);
  stopped.delete(pid);
}

async function health(request: APIRequestContext): Promise<Health> {
  return (await (await request.get('/api/health', { timeout: 10_000 })).json()) as Health;
}

async function expectHealthy(request: APIRequestContext, timeout = 60_000): Promise<Health> {
  let last: Health | undefined;
  await expect(async () => {
    last = await health(request);
    expect(last.ok && last.temporal.ok && last.workers.ok, JSON.stringify(last)).toBe(true);
  }).toPass({ timeout, intervals: [500, 1_000] });
  return last!;
}

/** The banner lies inside the viewport and covers none of these (the app bar, the designer's header). */
async function expectBannerCoversNothing(page: Page, banner: Locator, others: Locator[]) {
  const box = (await banner.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y + box.height, 'the banner is on screen').toBeLessThanOrEqual(viewport.height);
  for (const other of others) {
    const o = (await other.boundingBox({ timeout: 5_000 }))!;
    const overlaps = box.x < o.x + o.width && o.x < box.x + box.width && box.y < o.y + o.height && o.y < box.y + box.height;
    expect(overlaps, `the banner covers ${other}`).toBe(false);
  }
}

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

test.afterAll(async ({ request }) => {
  for (const pid of stopped) {
    try {
      process.kill(pid, 'SIGCONT');
    } catch {
      /* already gone: the supervisor restarts it */
    }
  }
  stopped.clear();
  await expectHealthy(request, 90_000);
});

test('Temporal down with the designer open: the banner names it, edits autosave, it clears by itself and Deploy works — no reload', async ({ page }) => {
  test.setTimeout(300_000);
  const before = await expectHealthy(page.request);
  const temporalPort = portOf(before.temporal.address);
  const workerUrl = before.workers.hosts[0]?.url;
  expect(workerUrl, 'the e2e stack tells the web app where its worker host is').toBeTruthy();

  const designer = new DesignerPage(page);
  await designer.createFromExample();
  const saved = await designer.waitSaved();
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toBeHidden();
  // A reload would lose this mark: it proves the page recovered in place.
  await page.evaluate(() => document.documentElement.setAttribute('data-e2e-same-page', 'yes'));

  // Temporal stops answering: the banner names it within a poll or two.
  const temporal = pidListeningOn(temporalPort);
  stop(temporal);
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toHaveAttribute('data-problem', /\btemporal\b/);
  await expect(banner).toContainText(`Temporal is not reachable at 127.0.0.1:${temporalPort}. Designs stay editable and saveable`);

  // The design stays editable, and autosave stores the edit as the draft (the database is up).
  await designer.selectNode('await-approval');
  await designer.fill('label', 'Await approval (edited while Temporal was down)');
  await expect(designer.saveState).toHaveText(`Draft — unsaved changes since v${saved}`, { timeout: 20_000 });
  await expect(banner).toBeVisible();
  await expectBannerCoversNothing(page, banner, [page.getByTestId('user-menu'), page.getByTestId('deploy-button'), designer.saveState, designer.inspector]);
  await shoot(page, 'temporal-down-banner');

  // Temporal returns the way a crash recovers: the supervisor restarts it on the same port and data.
  resume(temporal, 'SIGKILL');
  await expect(banner).toBeHidden({ timeout: 60_000 });
  expect(pidListeningOn(temporalPort), 'a new Temporal server process').not.toBe(temporal);
  await shoot(page, 'temporal-back-no-banner');

  // Deploy works on the restarted server: every stage done.
  await designer.deploy();
  for (const stage of ['validate', 'generate', 'typecheck', 'bundle', 'start-worker'] as const) {
    await expect(designer.deployStage(stage)).toHaveAttribute('data-state', 'done');
  }
  await expect(page.locator('html')).toHaveAttribute('data-e2e-same-page', 'yes');

  // The worker host stops answering: Start says why it cannot proceed, and nothing is started.
  const worker = pidListeningOn(portOf(workerUrl!));
  stop(worker);
  await page.getByTestId('start-button').click();
  const form = page.getByTestId('start-form');
  await form.getByTestId('input-request_id').fill('while-the-worker-host-is-down');
  await form.getByTestId('start-submit').click();
  await expect(form.getByTestId('start-error')).toContainText(`Cannot start now: no worker host is answering (${workerUrl})`, { timeout: 20_000 });
  await expect(page).toHaveURL(/\/designs\/[^/]+$/);
  await shoot(page, 'worker-down-start-refused');
  resume(worker, 'SIGCONT');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expectHealthy(page.request);
  await expect(banner).toBeHidden({ timeout: 20_000 });
});

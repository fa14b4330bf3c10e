/**
 * Screenshot baselines and the automated layout check of the business pages (issue 14): an
 * approver's inbox with two tasks (closed, and with one opened) and the requester's request page,
 * at 1600×1000 and 1024×768, light and dark. People show by display name, amounts as money, the
 * deadline as a date. An opened task stays inside its card (nothing wider than the card or the
 * page). Dynamic text (times, ages, deadlines, ids, the process filter whose options depend on
 * every process in the database) is masked. Last, the requester types amounts as people do.
 */
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import { THEME_STORAGE_KEY } from '../lib/theme-script';
import { expect, SIGNED_OUT, test } from './fixtures';
import { layoutProblems } from './layout-check';
import { InboxPage, RequestsPage } from './pages/ApprovalsPages';
import { LoginPage } from './pages/LoginPage';

const SIZES = [{ width: 1600, height: 1000 }, { width: 1024, height: 768 }] as const;
const SCHEMES = ['light', 'dark'] as const;
const PASSWORD = 'business screens password';
const REQUESTER = { username: 'bs-rita', displayName: 'Rita Requester' };
const APPROVER = { username: 'bs-ann', displayName: 'Ann Approver' };
const PROCESS_NAME = 'Purchase';

interface Fixture {
  requests: string[];
}

let fixture: Promise<Fixture> | undefined;

async function signedInAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto('/login');
  await new LoginPage(page).signIn(username, PASSWORD);
  return page;
}

/** Two users with display names, a process (amount, purpose; a two-day deadline) deployed, two requests by the requester. */
function businessFixture(admin: APIRequestContext, browser: Browser): Promise<Fixture> {
  fixture ??= (async () => {
    // A test that failed restarts the worker and with it this fixture: what exists already is reused.
    for (const user of [REQUESTER, APPROVER]) {
      const created = await admin.post('/api/admin/users', { data: { ...user, password: PASSWORD, roles: [user === REQUESTER ? 'requester' : 'approver'] } });
      expect([201, 409], await created.text()).toContain(created.status());
    }
    const rita = await signedInAs(browser, REQUESTER.username);
    const mine = await rita.request.get('/api/requests?pageSize=100');
    const earlier = ((await mine.json()).requests as { workflowId: string; processName: string; submittedAt: string }[]).filter((r) => r.processName === PROCESS_NAME);
    if (earlier.length >= 2) {
      await rita.context().close();
      return { requests: earlier.sort((x, y) => x.submittedAt.localeCompare(y.submittedAt)).slice(0, 2).map((r) => r.workflowId) };
    }
    const spec = {
      name: PROCESS_NAME,
      fields: [
        { name: 'amount', label: 'Amount', type: 'money', required: true },
        { name: 'purpose', label: 'Purpose', type: 'string', required: true },
      ],
      levels: [{ name: 'Finance', approvers: [{ kind: 'user', name: APPROVER.username }], deadline: { amount: 2, unit: 'days' }, onDeadline: { action: 'reject' } }],
    };
    const process = await admin.post('/api/processes', { data: { spec }, timeout: 240_000 });
    expect(process.status(), await process.text()).toBe(201);
    const processId: string = (await process.json()).process.id;
    const requests: string[] = [];
    for (const fields of [{ amount: '1500.00', purpose: 'Team offsite in Lisbon' }, { amount: '249.9', purpose: 'Standing desk for the support team' }]) {
      let workflowId = '';
      await expect(async () => {
        const submitted = await rita.request.post('/api/requests', { data: { processId, fields } });
        expect(submitted.status(), await submitted.text()).toBe(201);
        workflowId = (await submitted.json()).request.workflowId;
      }).toPass({ timeout: 120_000 });
      requests.push(workflowId);
    }
    await rita.context().close();
    return { requests };
  })();
  return fixture;
}

async function prepare(page: Page, size: { width: number; height: number }, scheme: 'light' | 'dark') {
  await page.addInitScript((key) => localStorage.removeItem(key), THEME_STORAGE_KEY);
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
}

/** Descendants wider than `box` or sticking out of it sideways, and a page wider than the window: what "overflows its card" looks like. */
async function sticksOut(box: Locator): Promise<string[]> {
  return box.evaluate((root) => {
    const outer = root.getBoundingClientRect();
    const found: string[] = [];
    for (const element of root.querySelectorAll('*')) {
      const r = element.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < outer.left - 1 || r.right > outer.right + 1) found.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" reaches ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(outer.left)}–${Math.round(outer.right)}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth) found.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`);
    return found;
  });
}

function masks(page: Page): Locator[] {
  return [page.locator('[data-dynamic]'), page.getByTestId('notification-count'), page.getByTestId('inbox-process')];
}

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    const at = `${size.width}-${scheme}`;

    test(`${size.width}×${size.height} ${scheme}: the inbox and the request page look right and lay out cleanly`, async ({ page, browser }) => {
      test.setTimeout(360_000);
      const { requests } = await businessFixture(page.request, browser);

      const ann = await signedInAs(browser, APPROVER.username);
      await prepare(ann, size, scheme);
      const inbox = new InboxPage(ann);
      await inbox.open();
      // The process filter lists every process in the database (other specs add some): pinned for the picture.
      await ann.addStyleTag({ content: '[data-testid="inbox-process"] { width: 220px !important; }' });
      for (const id of requests) await inbox.waitForTask(id);
      const first = inbox.task(requests[0]!);
      await expect(first).toContainText(`from ${REQUESTER.displayName}`);
      await expect(first.getByTestId('summary-amount')).toContainText('1,500.00');
      await expect(first.getByTestId('summary-purpose')).toContainText('Team offsite in Lisbon');
      await expect(first.getByTestId('inbox-task-deadline')).toContainText(/in (1 day|2 days)/);
      await expect(first.getByTestId('inbox-task-age')).toHaveText(/^opened /);
      await expect(inbox.task(requests[1]!).getByTestId('summary-amount')).toContainText('249.90');
      await ann.mouse.move(0, 0);
      expect(await layoutProblems(ann)).toEqual([]);
      await expect(ann).toHaveScreenshot(`inbox-${at}.png`, { mask: masks(ann) });

      await first.getByTestId('inbox-task-open').click();
      await expect(first.getByTestId('decision-panel')).toBeVisible();
      await expect(first.getByTestId('request-requester')).toHaveText(REQUESTER.displayName);
      await expect(first.getByTestId('request-waiting-for')).toHaveText(`Waiting for ${APPROVER.displayName}`);
      await ann.mouse.move(0, 0);
      expect(await sticksOut(first)).toEqual([]);
      expect(await layoutProblems(ann)).toEqual([]);
      await expect(first).toHaveScreenshot(`inbox-task-open-${at}.png`, { mask: masks(ann) });
      await ann.context().close();

      const rita = await signedInAs(browser, REQUESTER.username);
      await prepare(rita, size, scheme);
      await rita.goto(`/requests/${encodeURIComponent(requests[0]!)}`);
      const detail = rita.getByTestId('request-detail');
      await expect(detail.getByTestId('request-waiting-for')).toHaveText(`Waiting for ${APPROVER.displayName}`);
      await expect(detail.getByTestId('request-deadline')).toContainText(/ · in 1 day 2[0-3] h$/);
      await expect(detail.getByTestId('request-field-amount')).toHaveText('1,500.00');
      await expect(detail.getByTestId('request-requester')).toHaveText(REQUESTER.displayName);
      await expect(detail.getByTestId('level-1-pending')).toHaveText(`Waiting for ${APPROVER.displayName}`);
      await rita.mouse.move(0, 0);
      expect(await sticksOut(detail)).toEqual([]);
      expect(await layoutProblems(rita)).toEqual([]);
      await expect(rita).toHaveScreenshot(`request-page-${at}.png`, { mask: masks(rita) });
      await rita.context().close();
    });
  }
}

test('the requester types amounts as people write them; what cannot be read is explained under the field', async ({ page, browser }) => {
  test.setTimeout(360_000);
  await businessFixture(page.request, browser);
  const rita = await signedInAs(browser, REQUESTER.username);
  const requests = new RequestsPage(rita);
  await requests.open();
  const form = rita.getByTestId('request-form');
  await form.getByTestId('request-input-amount').fill('12,50');
  await form.getByTestId('request-input-purpose').fill('Train tickets');
  await form.getByTestId('request-submit').click();
  await expect(form.getByTestId('request-input-amount-error')).toHaveText('Amount: type an amount like 1,500.00 — here "," separates thousands; write the decimals after ".".');
  await expect(form.getByTestId('request-input-amount')).toHaveAttribute('aria-invalid', 'true');
  await rita.screenshot({ path: 'test-results/business-amount-error.png' });

  await requests.submit({ amount: '$1,500.00', purpose: 'Train tickets' });
  await expect(requests.request().getByTestId('request-field-amount')).toHaveText('1,500.00');
  await expect(requests.request().getByTestId('request-field-purpose')).toHaveText('Train tickets');
  await rita.context().close();
});

/**
 * Everything a user types is data, also in the browser: node labels and descriptions, a process's
 * name, its level and field labels, a request's fields and an approver's comment carry markup that
 * would run script if any page rendered it as HTML (`<img onerror>`, `<svg onload>`, a
 * `javascript:` link). Every page that shows them is opened in Chromium; the test asserts that no
 * payload ran (each would set a flag on `window` or open a dialog) and that the text is shown as
 * typed. The Content-Security-Policy would block inline handlers too: the pages must not depend on
 * it, so a flag set by either way of running counts.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { E2E_ADMIN, expect, test } from './fixtures';
import { InboxPage } from './pages/ApprovalsPages';

/** Each payload sets `window.__xss` to its own name when it runs. */
const payload = (name: string) => ({
  img: `<img src=x onerror="window.__xss='${name}'">`,
  svg: `<svg onload="window.__xss='${name}'"></svg>`,
  link: `<a href="javascript:window.__xss='${name}'">${name}</a>`,
});
const LABEL = payload('label');
const PROCESS = payload('process');
const COMMENT = payload('comment').svg;
const FIELD = payload('field').img;

const dialogs: string[] = [];

/** Opens the page, waits for the text to appear as typed, and checks that nothing ran. */
async function visitAndCheck(page: Page, path: string, shown: string) {
  await page.goto(path);
  // Visible: a <select>'s options hold the same text without being shown.
  await expect(page.getByText(shown, { exact: false }).filter({ visible: true }).first()).toBeVisible();
  // Give event handlers (onerror fires after a failed load) a moment to run if they were going to.
  await page.waitForTimeout(500);
  const ran = await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null);
  expect(ran, `a payload ran on ${path}`).toBeNull();
  expect(await page.locator('img[src="x"], svg[onload], a[href^="javascript:"]').count(), `markup from user text became elements on ${path}`).toBe(0);
}

test.beforeEach(({ page }) => {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

test('labels, process names, fields and comments with markup are shown as text and never run', async ({ page }) => {
  test.setTimeout(300_000);
  const tag = Date.now().toString(36);

  // A design whose every node label and description is markup.
  const approval = JSON.parse(readFileSync(new URL('../codegen/__golden__/approval/design.json', import.meta.url), 'utf8'));
  const variants = Object.values(LABEL);
  approval.name = `HostileLabels${tag}`;
  approval.description = LABEL.svg;
  approval.nodes = approval.nodes.map((node: { label: string }, i: number) => ({ ...node, label: `${variants[i % variants.length]} ${i}`, description: LABEL.img }));
  const created = await page.request.post('/api/designs', { data: { design: approval } });
  expect(created.status(), await created.text()).toBe(201);
  const designId: string = (await created.json()).id;
  await visitAndCheck(page, `/designs/${designId}`, LABEL.img);
  await visitAndCheck(page, '/', approval.name);

  const deployed = await page.request.post(`/api/designs/${designId}/deployments`, { data: {} });
  expect(deployed.status(), await deployed.text()).toBe(201);
  const workflowId = `hostile-${tag}`;
  const started = await page.request.post('/api/executions', { data: { designId, workflowId, input: { requestId: FIELD } } });
  expect(started.status(), await started.text()).toBe(201);
  await visitAndCheck(page, `/executions/${workflowId}`, LABEL.img);
  await visitAndCheck(page, '/executions', workflowId);

  // An approval process named with markup, a field labelled with markup, a request and a comment with markup.
  const spec = {
    name: `${PROCESS.svg} ${tag}`,
    description: PROCESS.img,
    fields: [{ name: 'purpose', label: PROCESS.link, type: 'string', required: true }],
    levels: [{ name: PROCESS.img, approvers: [{ kind: 'user', name: E2E_ADMIN.username }] }],
    allowSelfApproval: true,
  };
  const process = await page.request.post('/api/processes', { data: { spec } });
  expect(process.status(), await process.text()).toBe(201);
  const processId: string = (await process.json()).process.id;
  await visitAndCheck(page, '/processes', PROCESS.svg);

  const submitted = await page.request.post('/api/requests', { data: { processId, fields: { purpose: FIELD } } });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const requestId: string = (await submitted.json()).request.workflowId;
  await visitAndCheck(page, '/requests', PROCESS.svg);

  const inbox = new InboxPage(page);
  await inbox.open();
  await inbox.waitForTask(requestId);
  await expect(inbox.task(requestId)).toContainText(PROCESS.svg);
  await inbox.decide(requestId, true, COMMENT);
  await visitAndCheck(page, `/requests/${requestId}`, COMMENT);
  await visitAndCheck(page, `/executions/${requestId}`, requestId);

  expect(dialogs, 'no script from user text opened a dialog').toEqual([]);
});

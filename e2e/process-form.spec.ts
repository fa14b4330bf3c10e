/**
 * The process form as a business user meets it (issue 14): sections with headings, the request
 * fields as a table with column headers, levels as cards, real buttons; a refused submit shows each
 * problem once — inline next to its field and in one summary at the top whose entries take the user
 * to the field; a double click on "Create and deploy" makes one process and the form empties after
 * it. Screenshot baselines of the form (empty and with errors) at 1600×1000 and 1024×768, light and
 * dark, with the automated clipping check (e2e/layout-check.ts).
 */
import type { Page } from '@playwright/test';
import { THEME_STORAGE_KEY } from '../lib/theme-script';
import { E2E_ADMIN, expect, test } from './fixtures';
import { layoutProblems } from './layout-check';
import { ProcessFormPage } from './pages/ProcessFormPage';

const SIZES = [{ width: 1600, height: 1000 }, { width: 1024, height: 768 }] as const;
const SCHEMES = ['light', 'dark'] as const;

async function prepare(page: Page, size: { width: number; height: number }, scheme: 'light' | 'dark') {
  await page.addInitScript((key) => localStorage.removeItem(key), THEME_STORAGE_KEY);
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
}

/** How many processes the server has with this name. */
async function processesNamed(page: Page, name: string): Promise<number> {
  const response = await page.request.get('/api/processes');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { processes: { name: string }[] }).processes.filter((p) => p.name === name).length;
}

test('a process is created through the form as a person would, and the form empties after it', async ({ page }) => {
  test.setTimeout(240_000);
  const form = new ProcessFormPage(page);
  await form.open();
  for (const section of ['Process', 'Request fields', 'Approval levels', 'Options']) {
    await expect(form.form.getByRole('heading', { name: section, exact: true })).toBeVisible();
  }
  for (const column of ['Name', 'Label', 'Type', 'Required']) await expect(form.form.getByRole('columnheader', { name: column })).toBeVisible();

  const name = `Form trip ${Date.now().toString(36)}`;
  await form.name.fill(name);
  await form.addField('purpose', 'Purpose', 'text');
  await form.level(0).getByLabel('Level name').fill('Team lead');
  await expect(form.level(0).getByRole('heading')).toHaveText('Level 1: Team lead');
  await form.approverName(0).fill(E2E_ADMIN.username);
  await form.form.getByRole('button', { name: 'Add a level' }).click();
  await expect(form.level(1)).toBeVisible();
  await form.approverName(1).fill(E2E_ADMIN.username);
  await form.level(1).getByRole('button', { name: 'Remove level 2' }).click();
  await expect(form.level(1)).toHaveCount(0);
  await form.create.click();

  await expect(form.message).toContainText(`"${name}" is deployed`, { timeout: 180_000 });
  await expect(form.message.getByRole('link', { name: 'Open it on the canvas' })).toBeVisible();
  await expect(form.message.getByRole('link', { name: 'Requests' })).toHaveAttribute('href', '/requests');
  // Empty again: a second click cannot send the same process twice.
  await expect(form.name).toHaveValue('');
  await expect(form.form.getByRole('textbox', { name: 'Field 2 name' })).toHaveCount(0);
  await expect(form.form.getByLabel('Level name')).toHaveValue('Manager');
  await expect(form.rows(name)).toHaveCount(1);
  expect(await processesNamed(page, name)).toBe(1);
});

test('a double click on "Create and deploy" makes one process', async ({ page }) => {
  test.setTimeout(240_000);
  const form = new ProcessFormPage(page);
  await form.open();
  const name = `Double click ${Date.now().toString(36)}`;
  await form.name.fill(name);
  await form.approverName(0).fill(E2E_ADMIN.username);
  await form.create.dblclick();
  await expect(form.form.getByRole('button', { name: 'Deploying…' })).toBeDisabled();
  await expect(form.message).toContainText(`"${name}" is deployed`, { timeout: 180_000 });
  // Enter on the emptied form cannot send a copy: there is nothing in it to send.
  await expect(form.create).toBeEnabled();
  await form.name.press('Enter');
  await expect(form.summary).toBeVisible();
  expect(await processesNamed(page, name)).toBe(1);
  await page.reload();
  await expect(form.rows(name)).toHaveCount(1);
});

test('a refused submit: each problem once, inline next to its field and in one summary that leads to the field', async ({ page }) => {
  const form = new ProcessFormPage(page);
  await form.open();
  await form.form.getByRole('button', { name: 'Add a field' }).click();
  await form.create.click();

  await expect(form.summary).toBeVisible();
  await expect(form.summary).toBeFocused();
  await expect(form.form.getByTestId('process-issues')).toHaveCount(1);
  const entries = form.summary.getByRole('listitem');
  await expect(entries).toHaveText([
    'Process name: needs a name; needs at least one letter.',
    /^Field 2 › name: must start with a letter/,
    /^Level 1 › approver 1 › name: must be a username/,
  ]);
  // Sentences on one line each, not a word per line.
  for (const entry of await entries.all()) expect((await entry.boundingBox())!.height).toBeLessThan(40);
  // Inline, next to the field, once; no third copy in a banner.
  await expect(form.form.getByTestId('issue-name')).toHaveText('needs a name; needs at least one letter');
  await expect(form.name).toHaveAttribute('aria-invalid', 'true');
  await expect(form.form.getByText('needs a name', { exact: false })).toHaveCount(2);
  await expect(form.message).toHaveCount(0);

  await form.summary.getByRole('button', { name: /^Field 2 › name/ }).click();
  await expect(form.form.getByRole('textbox', { name: 'Field 2 name' })).toBeFocused();
  await form.summary.getByRole('button', { name: /^Process name/ }).click();
  await expect(form.name).toBeFocused();
  expect(await layoutProblems(page, { within: form.form })).toEqual([]);
});

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    const at = `${size.width}-${scheme}`;
    test(`${size.width}×${size.height} ${scheme}: the process form, empty and with errors, looks right and lays out cleanly`, async ({ page }) => {
      await prepare(page, size, scheme);
      const form = new ProcessFormPage(page);
      await form.open();
      await page.mouse.move(0, 0);
      expect(await layoutProblems(page, { within: form.form })).toEqual([]);
      await expect(form.form).toHaveScreenshot(`process-form-empty-${at}.png`);

      await form.form.getByRole('button', { name: 'Add a field' }).click();
      await form.create.click();
      await expect(form.summary).toBeVisible();
      await form.summary.blur();
      await page.mouse.move(0, 0);
      expect(await layoutProblems(page, { within: form.form })).toEqual([]);
      await expect(form.form).toHaveScreenshot(`process-form-errors-${at}.png`);
    });
  }
}

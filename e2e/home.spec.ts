/**
 * Home and navigation as a person uses them (issue 14): the top bar's sections with the current one
 * marked, search and filters kept in the URL, designs of one name told apart, `/` to search, an
 * empty result that says why and clears — at 1600×1000 and 1024×768.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const stamp = Date.now().toString(36);
const shared = `HomeTwin${stamp}`;

test.beforeAll(async ({ request }) => {
  for (const design of [
    { ...approval, name: shared, tags: ['finance'], description: 'Asks the finance team' },
    { ...approval, name: shared },
    { ...approval, name: `HomeSolo${stamp}`, tags: ['onboarding'], description: 'Welcomes a new hire' },
  ]) {
    const created = await request.post('/api/designs', { data: { design } });
    expect(created.status()).toBe(201);
  }
});

for (const viewport of [{ width: 1600, height: 1000 }, { width: 1024, height: 768 }]) {
  test(`top bar, search, filters and twins at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const bar = page.getByRole('navigation', { name: 'Account' });
    for (const section of ['Designs', 'Executions', 'Processes', 'Requests', 'Inbox']) {
      await expect(bar.getByRole('link', { name: section, exact: true })).toBeVisible();
    }
    await expect(bar.getByRole('link', { name: 'Designs', exact: true })).toHaveAttribute('aria-current', 'page');

    // `/` focuses the search; typing narrows the list and lands in the URL.
    await page.locator('body').press('/');
    const search = page.getByRole('searchbox', { name: 'Search designs' });
    await expect(search).toBeFocused();
    await search.fill(shared);
    const cards = page.getByTestId('design-card');
    await expect(cards).toHaveCount(2);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${shared}`));
    // The two designs of one name are told apart in words.
    const tells = page.getByTestId('design-tell');
    await expect(tells).toHaveCount(2);
    await expect(tells.first()).toContainText('not deployed');
    await expect(tells.first()).toContainText(/id \w{6}/);
    const ids = await tells.allInnerTexts();
    expect(new Set(ids).size).toBe(2);
    await page.screenshot({ path: `.data-e2e-shots/home-twins-${viewport.width}.png`, fullPage: true });

    // A tag narrows further; the filters survive a reload.
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('finance');
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText('Asks the finance team');
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search designs' })).toHaveValue(shared);
    await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveValue('finance');
    await expect(cards).toHaveCount(1);

    // Nothing matches: the page says what was asked for, and Clear filters brings everything back.
    await page.getByRole('searchbox', { name: 'Search designs' }).fill(`no such design ${stamp}`);
    await expect(page.getByTestId('designs-no-match')).toContainText(`no such design ${stamp}`);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByRole('searchbox', { name: 'Search designs' })).toHaveValue('');
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    await expect(page).not.toHaveURL(/\?/);
    await page.screenshot({ path: `.data-e2e-shots/home-${viewport.width}.png` });

    // Executions is one click away in the top bar, and marked current there.
    await bar.getByRole('link', { name: 'Executions', exact: true }).click();
    await expect(page).toHaveURL(/\/executions/);
    await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Executions', exact: true })).toHaveAttribute('aria-current', 'page');
  });
}

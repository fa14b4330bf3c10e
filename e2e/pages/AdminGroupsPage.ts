import { expect, type Locator, type Page } from '@playwright/test';

/** /admin/groups: create groups and manage their members (with the people lookup). */
export class AdminGroupsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/admin/groups');
    await expect(this.page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="group-row"][data-group="${name}"]`);
  }

  async create(name: string, displayName: string) {
    const form = this.page.getByTestId('create-group-form');
    await form.getByTestId('new-group-name').fill(name);
    await form.getByTestId('new-group-display-name').fill(displayName);
    await form.getByTestId('create-group').click();
    await expect(this.row(name)).toBeVisible();
  }

  /** Types part of a display name into the row's lookup and picks the suggestion with the keyboard. */
  async addMemberByLookup(group: string, typed: string, displayName: string) {
    const row = this.row(group);
    const input = row.getByRole('combobox');
    await input.fill(typed);
    const option = row.getByRole('option', { name: new RegExp(displayName) });
    await expect(option).toBeVisible();
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await input.press('Enter');
    await expect(row.getByTestId('group-member').filter({ hasText: displayName })).toBeVisible();
  }
}

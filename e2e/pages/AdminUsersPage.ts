import { expect, type Locator, type Page } from '@playwright/test';
import type { Role } from '@/lib/auth/roles';

/** /admin/users: create users with roles, change roles, disable, reset passwords, issue tokens. */
export class AdminUsersPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/admin/users');
    await expect(this.page.getByTestId('users-table')).toBeVisible();
  }

  row(username: string): Locator {
    return this.page.getByTestId(`user-row-${username}`);
  }

  async createUser({ username, displayName, password, roles }: { username: string; displayName: string; password: string; roles: Role[] }) {
    const form = this.page.getByTestId('create-user-form');
    await form.getByTestId('new-username').fill(username);
    await form.getByTestId('new-display-name').fill(displayName);
    await form.getByTestId('new-user-password').fill(password);
    for (const box of await form.locator('input[type=checkbox]').all()) await box.uncheck();
    for (const role of roles) await form.getByTestId(`new-role-${role}`).check();
    await form.getByTestId('create-user').click();
    await expect(this.row(username)).toBeVisible();
  }
}

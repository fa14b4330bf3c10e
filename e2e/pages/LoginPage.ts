import { expect, type Page } from '@playwright/test';

/** The sign-in and first-visit setup pages, and the user menu that follows them. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async signIn(username: string, password: string, { expectSuccess = true } = {}) {
    if (!this.page.url().includes('/login')) await this.page.goto('/login');
    const form = this.page.getByTestId('login-form');
    await form.getByTestId('field-username').fill(username);
    await form.getByTestId('field-password').fill(password);
    await form.getByTestId('submit').click();
    if (expectSuccess) await expect(this.page.getByTestId('user-menu')).toBeVisible();
  }

  /** The /setup form (first visit only). */
  async createAdmin({ username, displayName, password }: { username: string; displayName: string; password: string }) {
    const form = this.page.getByTestId('setup-form');
    await form.getByTestId('field-username').fill(username);
    await form.getByTestId('field-displayName').fill(displayName);
    await form.getByTestId('field-password').fill(password);
    await form.getByTestId('field-confirm').fill(password);
    await form.getByTestId('submit').click();
  }

  async signOut() {
    await this.page.getByTestId('logout').click();
    await this.page.waitForURL(/\/login/);
  }
}

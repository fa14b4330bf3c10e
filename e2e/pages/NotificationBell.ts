import { expect, type Locator, type Page } from '@playwright/test';

/** The header's notification bell and its list. */
export class NotificationBell {
  constructor(readonly page: Page) {}

  get bell(): Locator {
    return this.page.getByTestId('notification-bell');
  }

  get count(): Locator {
    return this.page.getByTestId('notification-count');
  }

  /** Waits (without reloading) until the bell shows `n` unread. */
  async expectUnread(n: number, timeout = 60_000) {
    if (n === 0) await expect(this.count).toHaveCount(0, { timeout });
    else await expect(this.count).toHaveText(String(n), { timeout });
  }

  async open() {
    await this.bell.click();
    await expect(this.page.getByTestId('notification-panel')).toBeVisible();
  }

  item(text: string | RegExp): Locator {
    return this.page.getByTestId('notification-item').filter({ hasText: text });
  }
}

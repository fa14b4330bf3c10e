import { expect, type Locator, type Page } from '@playwright/test';

/** The Activities section beside the canvas and the editor dialog of a custom activity. */
export class ActivityEditor {
  readonly section: Locator;
  readonly dialog: Locator;
  readonly problems: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('activities-section');
    this.dialog = page.getByTestId('activity-editor');
    this.problems = this.dialog.getByTestId('activity-problem');
  }

  /** "+ Add": a new activity opens in the editor. */
  async add() {
    await this.section.getByTestId('add-activity').click();
    await expect(this.dialog).toBeVisible();
  }

  async open(name: string) {
    await this.section.getByTestId(`activity-row-${name}`).getByTestId('open-activity').click();
    await expect(this.dialog).toBeVisible();
  }

  async rename(to: string) {
    const input = this.dialog.getByTestId('activity-name');
    await input.fill(to);
    await input.press('Enter');
    await expect(this.dialog.locator('h2')).toContainText(to);
  }

  /** Replaces the code in the editor, as typed text (no auto-indent or bracket closing on the way). */
  async setSource(source: string) {
    const editor = this.dialog.getByTestId('activity-source');
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(source);
    await expect(editor).toContainText(source.split('\n')[0]!);
  }

  /** "Check code": a verification as on deploy; resolves once it answered. */
  async check(): Promise<'ok' | 'failed'> {
    await this.dialog.getByTestId('check-activity').click();
    const status = this.dialog.getByTestId('activity-check-status');
    await expect(status).toHaveAttribute('data-state', /^(ok|failed)$/, { timeout: 60_000 });
    return (await status.getAttribute('data-state')) as 'ok' | 'failed';
  }

  async close() {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }
}

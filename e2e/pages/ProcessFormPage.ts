import { expect, type Locator, type Page } from '@playwright/test';

/** The create form of /processes as a person uses it: labels, headings and buttons by role. */
export class ProcessFormPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/processes');
    await expect(this.form).toBeVisible();
    await expect(this.form).toHaveAttribute('data-mode', 'create');
  }

  get form(): Locator {
    return this.page.getByTestId('process-form');
  }

  get name(): Locator {
    return this.form.getByLabel('Process name');
  }

  get create(): Locator {
    return this.form.getByRole('button', { name: 'Create and deploy' });
  }

  /** The one summary of what to fix, at the top. */
  get summary(): Locator {
    return this.form.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: /to fix before this can be deployed/ }) });
  }

  get message(): Locator {
    return this.form.getByTestId('process-message');
  }

  level(index: number): Locator {
    return this.form.getByRole('region', { name: new RegExp(`^Level ${index + 1}:`) });
  }

  /** The approver's name box of level `level` (the approver input is its own component: by its test id). */
  approverName(level: number, approver = 0): Locator {
    return this.form.getByTestId(`level-${level}-approver-${approver}-name`);
  }

  async addField(name: string, label: string, type: 'text' | 'number' | 'money' | 'yes/no') {
    await this.form.getByRole('button', { name: 'Add a field' }).click();
    const rows = this.form.getByRole('table').getByRole('row');
    const index = (await rows.count()) - 2; // the header row, and the new row is the last
    await this.form.getByRole('textbox', { name: `Field ${index + 1} name` }).fill(name);
    await this.form.getByRole('textbox', { name: `Field ${index + 1} label` }).fill(label);
    await this.form.getByRole('combobox', { name: `Field ${index + 1} type` }).selectOption({ label: type });
  }

  /** The processes with this name in the list under the form. */
  rows(name: string): Locator {
    return this.page.getByTestId('process-row').filter({ has: this.page.getByText(name, { exact: true }) });
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The executions list (/executions): filters, rows, pages. */
export class ExecutionsListPage {
  readonly rows: Locator;
  readonly total: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('execution-row');
    this.total = page.getByTestId('executions-total');
  }

  /** From the home page header. */
  async open() {
    await this.page.goto('/');
    await this.page.getByTestId('nav-executions').click();
    await this.page.waitForURL(/\/executions$/);
  }

  async filter(filters: { designId?: string; version?: string; status?: string; step?: string; workflowId?: string }) {
    const form = this.page.getByTestId('execution-filters');
    if (filters.designId !== undefined) await form.getByTestId('filter-design').selectOption(filters.designId);
    if (filters.version !== undefined) await form.getByTestId('filter-version').fill(filters.version);
    if (filters.status !== undefined) await form.getByTestId('filter-status').selectOption(filters.status);
    if (filters.step !== undefined) await form.getByTestId('filter-step').fill(filters.step);
    if (filters.workflowId !== undefined) await form.getByTestId('filter-workflow-id').fill(filters.workflowId);
    await form.getByTestId('filter-apply').click();
    // The filters live in the URL: wait until it carries them (the form is rebuilt from it).
    await this.page.waitForURL((url) =>
      Object.entries(filters).every(([name, value]) => (url.searchParams.get(name) ?? '') === value),
    );
    await expect(this.page.getByTestId('execution-filters')).toBeVisible();
  }

  row(workflowId: string): Locator {
    return this.page.locator(`[data-testid="execution-row"][data-workflow-id="${workflowId}"]`);
  }

  async expectWorkflowIds(ids: string[]) {
    await expect(this.rows).toHaveCount(ids.length);
    for (const id of ids) await expect(this.row(id)).toBeVisible();
  }
}

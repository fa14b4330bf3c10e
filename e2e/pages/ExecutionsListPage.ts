import { expect, type Locator, type Page } from '@playwright/test';

/** The executions list (/executions): status counts, filters (kept in the URL), rows, bulk actions, pages. */
export class ExecutionsListPage {
  readonly rows: Locator;
  readonly total: Locator;
  readonly designSelect: Locator;
  readonly stepSelect: Locator;
  /** The step select's options (the design's steps, by label; the first is "Any step"). */
  readonly stepOptions: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('execution-row');
    this.total = page.getByTestId('executions-total');
    this.designSelect = page.getByTestId('filter-design');
    this.stepSelect = page.getByTestId('filter-step');
    this.stepOptions = this.stepSelect.locator('option:not([value=""])');
  }

  /** From the home page header. */
  async open() {
    await this.page.goto('/');
    await this.page.getByTestId('nav-executions').click();
    await this.page.waitForURL(/\/executions$/);
  }

  /**
   * Sets filters as a person does: the status by its count chip, the design and step from their
   * selects (the step by its label), the workflow id by searching. Values are the URL's.
   */
  async filter(filters: { designId?: string; version?: string; status?: string; step?: string; stepLabel?: string; workflowId?: string }) {
    const { stepLabel, ...inUrl } = filters;
    // Each change navigates: wait for the URL to carry it before the next one reads the URL.
    if (filters.designId !== undefined) {
      await this.designSelect.selectOption(filters.designId);
      await this.waitForParam('designId', filters.designId);
    }
    if (filters.status !== undefined) {
      if ((await this.statusChip(filters.status || 'all').getAttribute('aria-pressed')) !== 'true') await this.statusChip(filters.status || 'all').click();
      await this.waitForParam('status', filters.status);
    }
    if (stepLabel !== undefined) await this.stepSelect.selectOption({ label: stepLabel });
    else if (filters.step !== undefined) await this.stepSelect.selectOption(filters.step);
    if (filters.version !== undefined || filters.workflowId !== undefined) {
      const form = this.page.getByTestId('execution-filters');
      if (filters.version !== undefined) await form.getByTestId('filter-version').fill(filters.version);
      if (filters.workflowId !== undefined) await form.getByTestId('filter-workflow-id').fill(filters.workflowId);
      await form.getByTestId('filter-apply').click();
    }
    await this.page.waitForURL((url) => Object.entries(inUrl).every(([name, value]) => (url.searchParams.get(name) ?? '') === value));
    await expect(this.page.getByTestId('execution-filters')).toBeVisible();
  }

  private async waitForParam(name: string, value: string) {
    await this.page.waitForURL((url) => (url.searchParams.get(name) ?? '') === value);
  }

  /** A status chip ("Running 3"): `all` or a visibility status (Running, Completed, …). */
  statusChip(status: string): Locator {
    return this.page.getByTestId(`status-chip-${status}`);
  }

  /** The count a status chip shows. */
  statusCount(status: string): Locator {
    return this.statusChip(status).getByTestId('status-count');
  }

  row(workflowId: string): Locator {
    return this.page.locator(`[data-testid="execution-row"][data-workflow-id="${workflowId}"]`);
  }

  step(workflowId: string): Locator {
    return this.row(workflowId).getByTestId('execution-row-step');
  }

  async expectWorkflowIds(ids: string[]) {
    await expect(this.rows).toHaveCount(ids.length);
    for (const id of ids) await expect(this.row(id)).toBeVisible();
  }

  /** Ticks the rows, then the bulk action; answers the confirmation dialog (it names how many). */
  async bulk(action: 'cancel' | 'terminate', workflowIds: string[]): Promise<Locator> {
    for (const id of workflowIds) await this.row(id).getByTestId('row-select').check();
    await expect(this.page.getByTestId('bulk-count')).toHaveText(`${workflowIds.length} selected`);
    await this.page.getByTestId(`bulk-${action}`).click();
    const dialog = this.page.getByTestId('bulk-dialog');
    await expect(dialog.getByRole('heading')).toHaveText(`${action === 'cancel' ? 'Cancel' : 'Terminate'} ${workflowIds.length} executions?`);
    return dialog;
  }
}

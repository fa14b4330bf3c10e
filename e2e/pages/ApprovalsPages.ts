import { expect, type Locator, type Page } from '@playwright/test';

/** /processes: the guided form that sets up and deploys an approval process. */
export class ProcessesPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/processes');
    await expect(this.page.getByTestId('process-form')).toBeVisible();
  }

  get form(): Locator {
    return this.page.getByTestId('process-form');
  }

  async setName(name: string) {
    await this.form.getByTestId('process-name').fill(name);
  }

  async addField(index: number, { name, type }: { name: string; type: 'string' | 'number' | 'money' | 'boolean' }) {
    await this.form.getByTestId('add-field').click();
    await this.form.getByTestId(`field-${index}-name`).fill(name);
    await this.form.getByTestId(`field-${index}-type`).selectOption(type);
  }

  /** Level `index` (0-based; adds it when it is new) approved by one user. */
  async setLevel(index: number, { name, user }: { name: string; user: string }) {
    if ((await this.form.getByTestId(`level-${index}`).count()) === 0) await this.form.getByTestId('add-level').click();
    await this.form.getByTestId(`level-${index}-name`).fill(name);
    await this.form.getByTestId(`level-${index}-approver-0-name`).fill(user);
  }

  async escalateAfter(index: number, seconds: number, role: string) {
    await this.form.getByTestId(`level-${index}-deadline-amount`).fill(String(seconds));
    await this.form.getByTestId(`level-${index}-deadline-unit`).selectOption('seconds');
    await this.form.getByTestId(`level-${index}-on-deadline`).selectOption('escalate');
    await this.form.getByTestId(`level-${index}-escalate-kind`).selectOption('role');
    await this.form.getByTestId(`level-${index}-escalate-name`).selectOption(role);
  }

  async createAndDeploy() {
    await this.form.getByTestId('process-create').click();
    await expect(this.form.getByTestId('process-message')).toContainText('is deployed', { timeout: 180_000 });
  }

  row(name: string): Locator {
    return this.page.getByTestId('process-row').filter({ hasText: name });
  }

  /** Opens an existing process in the form. */
  async edit(name: string) {
    await this.row(name).getByTestId('process-edit').click();
    await expect(this.form).toHaveAttribute('data-mode', 'edit');
    await expect(this.form.getByTestId('process-editing')).toContainText(name);
  }

  /** "Save and redeploy"; waits for the answer: saved as a new version, or the "changed since" question. */
  async saveAndRedeploy(): Promise<'saved' | 'conflict'> {
    await this.form.getByTestId('process-save').click();
    const saved = this.form.getByTestId('process-message').filter({ hasText: /and deployed it|deployed again/ });
    const conflict = this.form.getByTestId('process-conflict');
    await expect(saved.or(conflict)).toBeVisible({ timeout: 180_000 });
    return (await conflict.isVisible()) ? 'conflict' : 'saved';
  }
}

/** /requests: submit a request and follow one's own. */
export class RequestsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/requests');
    await expect(this.page.getByTestId('requests')).toBeVisible();
  }

  async submit(values: Record<string, string>) {
    const form = this.page.getByTestId('request-form');
    for (const [name, value] of Object.entries(values)) await form.getByTestId(`request-input-${name}`).fill(value);
    await form.getByTestId('request-submit').click();
    await expect(this.page.getByTestId('request-message')).toContainText('Submitted');
  }

  request(): Locator {
    return this.page.getByTestId('my-request').first();
  }

  async workflowId(): Promise<string> {
    return (await this.request().getAttribute('data-workflow-id')) ?? '';
  }
}

/** /inbox: the approver's tasks. */
export class InboxPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/inbox');
    await expect(this.page.getByTestId('inbox')).toBeVisible();
  }

  task(workflowId: string): Locator {
    return this.page.locator(`[data-testid="inbox-task"][data-workflow-id="${workflowId}"]`);
  }

  /** Reloads until the task shows up (a deadline escalation, a level opening). */
  async waitForTask(workflowId: string, timeout = 60_000) {
    await expect(async () => {
      await this.page.getByTestId('inbox-refresh').click();
      await expect(this.task(workflowId)).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout });
  }

  async decide(workflowId: string, approve: boolean, comment: string) {
    const task = this.task(workflowId);
    await task.getByTestId('inbox-task-open').click();
    await task.getByTestId('decision-comment').fill(comment);
    await task.getByTestId(approve ? 'approve' : 'reject').click();
    await expect(this.page.getByTestId('inbox-notice')).toContainText(approve ? 'approved' : 'rejected');
  }
}

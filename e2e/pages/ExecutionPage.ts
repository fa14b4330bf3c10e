import { expect, type Locator, type Page } from '@playwright/test';

/** The execution monitor: status, live step, and the message forms. */
export class ExecutionPage {
  readonly status: Locator;
  readonly result: Locator;
  readonly currentStep: Locator;
  readonly diagram: Locator;
  readonly fitButton: Locator;
  readonly followToggle: Locator;
  readonly sidePanel: Locator;
  readonly sidePanelToggle: Locator;
  readonly sidePanelResizer: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('execution-status');
    this.result = page.getByTestId('execution-result');
    this.currentStep = page.getByTestId('current-step');
    this.diagram = page.getByTestId('execution-diagram');
    this.fitButton = page.getByTestId('diagram-fit');
    this.followToggle = page.getByTestId('diagram-follow');
    this.sidePanel = page.getByTestId('side-panel');
    this.sidePanelToggle = page.getByTestId('side-panel-toggle');
    this.sidePanelResizer = page.getByTestId('side-panel-resizer');
  }

  /** A node with what the monitor draws over it (visit count, deadline, "ended here"); data-selected when picked. */
  nodeWithBadges(id: string): Locator {
    return this.page.getByTestId(`exec-node-${id}`);
  }

  /** The rules an update's form says its validator checks. */
  rules(name: string): Locator {
    return this.page.getByTestId(`update-rules-${name}`);
  }

  node(id: string): Locator {
    return this.page.getByTestId('execution-diagram').locator(`.react-flow__node[data-id="${id}"]`);
  }

  async expectStatus(status: string, timeout = 30_000) {
    await expect(this.status).toHaveAttribute('data-status', status, { timeout });
  }

  /** The node the workflow is in is lit on the diagram and named in the facts. */
  async expectCurrentStep(nodeId: string) {
    await expect(this.currentStep).toHaveAttribute('data-node-id', nodeId);
    await expect(this.node(nodeId).locator('[data-current="true"]')).toBeVisible();
  }

  /** The number of times the diagram says a node was entered. */
  visits(nodeId: string): Locator {
    return this.page.getByTestId(`visits-${nodeId}`);
  }

  /** The outcome line under a message form (data-tone ok | rejected | error). */
  outcome(kind: 'signal' | 'query' | 'update', name: string): Locator {
    return this.page.getByTestId(`${kind}-result-${name}`);
  }

  /** Rows of the virtualised history timeline currently rendered. */
  historyEvents(type?: string): Locator {
    const rows = this.page.getByTestId('history-timeline').getByTestId('history-event');
    return type ? rows.and(this.page.locator(`[data-event-type="${type}"]`)) : rows;
  }

  /** Opens a control's confirmation dialog and confirms it. */
  async control(action: 'cancel' | 'terminate' | 'reset') {
    await this.page.getByTestId(`control-${action}`).click();
    await this.page.getByTestId(`confirm-${action}-submit`).click();
    await expect(this.page.getByTestId('control-message')).toBeVisible();
  }

  /** Fills a message form (checkboxes for booleans) and submits it. */
  async send(kind: 'signal' | 'query' | 'update', name: string, args: Record<string, string | boolean>) {
    const form = this.page.getByTestId(`${kind}-form-${name}`);
    for (const [param, value] of Object.entries(args)) {
      const input = form.getByTestId(`${kind}-${name}-${param}`);
      if (typeof value === 'boolean') await input.setChecked(value);
      else await input.fill(value);
    }
    await form.getByTestId(`${kind}-submit-${name}`).click();
  }
}

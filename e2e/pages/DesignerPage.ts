import { expect, type Locator, type Page } from '@playwright/test';

type Point = { x: number; y: number };

/** The designer, driven the way a person does: drag from the palette, drag between handles, type. */
export class DesignerPage {
  readonly canvas: Locator;
  readonly inspector: Locator;
  readonly diagnostics: Locator;
  readonly codeView: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('canvas');
    this.inspector = page.getByTestId('inspector');
    this.diagnostics = page.getByTestId('diagnostics');
    this.codeView = page.getByTestId('code-view');
  }

  /** From the home page: "New design", then wait for the canvas with its Start node. */
  async createNew() {
    await this.page.goto('/');
    await this.page.getByTestId('new-design').click();
    await this.page.waitForURL(/\/designs\/[^/]+$/);
    await expect(this.node('start')).toBeVisible();
  }

  /** From the home page: "New from approval example", then wait for its wait node. */
  async createFromExample() {
    await this.page.goto('/');
    await this.page.getByTestId('new-from-example').click();
    await this.page.waitForURL(/\/designs\/[^/]+$/);
    await expect(this.node('await-approval')).toBeVisible();
  }

  node(id: string): Locator {
    return this.canvas.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** Pans the canvas by dragging an empty part of it. */
  async pan(from: Point, by: Point) {
    const box = await this.canvasBox();
    await this.page.mouse.move(box.x + from.x, box.y + from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + from.x + by.x, box.y + from.y + by.y, { steps: 10 });
    await this.page.mouse.up();
  }

  /** HTML5 drag-and-drop of a palette item onto the canvas; returns the new node's id (it is selected). */
  async dropNode(kind: string, at: Point): Promise<string> {
    const before = await this.canvas.locator('.react-flow__node').count();
    await this.page.getByTestId(`palette-item-${kind}`).dragTo(this.canvas, { targetPosition: at });
    await expect(this.canvas.locator('.react-flow__node')).toHaveCount(before + 1);
    const selected = this.canvas.locator('.react-flow__node.selected');
    await expect(selected).toHaveCount(1);
    await expect(this.inspector).toHaveAttribute('data-kind', kind);
    return (await selected.getAttribute('data-id'))!;
  }

  /** An output handle, by handle id or by the label shown under it (decision branches). */
  sourceHandle(nodeId: string, handle: { id: string } | { label: string }): Locator {
    return 'id' in handle
      ? this.node(nodeId).locator(`.react-flow__handle.source[data-handleid="${handle.id}"]`)
      : this.node(nodeId).locator('.fnode__out', { hasText: handle.label }).locator('.react-flow__handle');
  }

  targetHandle(nodeId: string, id = 'in'): Locator {
    return this.node(nodeId).locator(`.react-flow__handle.target[data-handleid="${id}"]`);
  }

  /** Drags with the mouse from a source handle to a target handle and checks that an edge appeared. */
  async connect(source: Locator, target: Locator) {
    const edges = this.canvas.locator('.react-flow__edge');
    const before = await edges.count();
    const from = await center(source);
    const to = await center(target);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
    await this.page.mouse.move(to.x, to.y, { steps: 8 });
    await this.page.mouse.up();
    await expect(edges).toHaveCount(before + 1);
  }

  field(path: string): Locator {
    return this.page.getByTestId(`field-${path}`);
  }

  async fill(path: string, value: string) {
    await this.field(path).fill(value);
  }

  async openWorkflowSettings() {
    await this.page.getByTestId('workflow-settings-button').click();
    await expect(this.page.getByTestId('workflow-settings')).toBeVisible();
  }

  async addRow(list: string): Promise<number> {
    const rows = this.page.getByTestId(`list-${list}`).locator('.list-row');
    const index = await rows.count();
    await this.page.getByTestId(`add-${list}`).click();
    await expect(rows).toHaveCount(index + 1);
    return index;
  }

  /** Adds a typed field (workflow input or handler parameter). */
  async addField(list: 'input' | 'parameters', name: string, type: 'string' | 'number' | 'boolean', required = true) {
    const i = await this.addRow(list);
    await this.fill(`${list}.${i}.name`, name);
    await this.field(`${list}.${i}.type`).selectOption(type);
    await this.field(`${list}.${i}.required`).setChecked(required);
  }

  async addVariable(name: string, type: 'string' | 'number' | 'boolean', initial: string) {
    const i = await this.addRow('variables');
    await this.fill(`variables.${i}.name`, name);
    await this.field(`variables.${i}.type`).selectOption(type);
    await this.fill(`variables.${i}.initial`, initial);
  }

  async addAssignment(variable: string, value: string) {
    const i = await this.addRow('assignments');
    await this.field(`assignments.${i}.variable`).selectOption(variable);
    await this.fill(`assignments.${i}.value`, value);
  }

  /** Waits until the code generator has answered for the latest edit with no problems at all. */
  async expectNoProblems() {
    await expect(this.diagnostics).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
    await expect(this.diagnostics, await this.problemsText()).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  }

  private async problemsText(): Promise<string> {
    return `problems: ${(await this.diagnostics.innerText().catch(() => '')).slice(0, 2000)}`;
  }

  /** True once some generated file (any tab) contains `text`. */
  async expectCodeToContain(text: string) {
    await expect(async () => {
      for (const file of ['workflows.ts', 'shared.ts', 'activities.ts']) {
        await this.page.getByTestId(`code-tab-${file}`).click();
        if ((await this.codeView.locator('.cm-content').innerText()).includes(text)) return;
      }
      throw new Error(`no generated file contains ${text}`);
    }).toPass({ timeout: 30_000 });
  }

  /** Save: makes a version (with the message, when given) through the "Save a version" dialog. */
  async save(message = ''): Promise<string> {
    await this.page.getByTestId('save-button').click();
    const dialog = this.page.getByTestId('save-version-dialog');
    await dialog.getByTestId('save-version-message').fill(message);
    await dialog.getByTestId('save-version-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByTestId('save-state')).toHaveText(/^Saved v\d+$/);
    return this.page.getByTestId('save-state').innerText();
  }

  async deploy() {
    await this.page.getByTestId('deploy-button').click();
    const status = this.page.getByTestId('deploy-status');
    await expect(status).toBeVisible();
    await expect(status, await status.innerText().catch(() => '')).toHaveAttribute('data-state', /deployed|error/, { timeout: 120_000 });
    await expect(status, await status.innerText()).toHaveAttribute('data-state', 'deployed');
  }

  /** The deploy panel (progress, outcome, refusal). */
  get deployStatus(): Locator {
    return this.page.getByTestId('deploy-status');
  }

  /** One deploy stage's line: its name and its outcome in words. */
  deployStage(stage: 'validate' | 'generate' | 'typecheck' | 'bundle' | 'replay' | 'start-worker'): Locator {
    return this.page.getByTestId(`deploy-stage-${stage}`);
  }

  /** Presses Deploy and waits for the deploy to end either way (deployed or refused). */
  async deployAndWait(): Promise<'deployed' | 'error'> {
    await this.page.getByTestId('deploy-button').click();
    await expect(this.deployStatus).toHaveAttribute('data-state', /deployed|error/, { timeout: 120_000 });
    return (await this.deployStatus.getAttribute('data-state')) as 'deployed' | 'error';
  }

  /** The design's id, from the page's address. */
  designId(): string {
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop()!);
  }

  /** Opens the start form, fills the workflow input, starts, and waits for the execution page. */
  async start(input: Record<string, string>) {
    await this.page.getByTestId('start-button').click();
    const form = this.page.getByTestId('start-form');
    await expect(form).toBeVisible();
    for (const [name, value] of Object.entries(input)) await form.getByTestId(`input-${name}`).fill(value);
    await form.getByTestId('start-submit').click();
    await this.page.waitForURL(/\/executions\/[^/]+$/, { timeout: 30_000 });
  }

  /** From the home page: "New from template…", then the template's card. */
  async createFromTemplate(id: string) {
    await this.page.goto('/');
    await this.page.getByTestId('new-from-template').click();
    await expect(this.page.getByTestId('template-gallery')).toBeVisible();
    await this.page.getByTestId(`template-${id}`).click();
    await this.page.waitForURL(/\/designs\/[^/]+$/);
    await expect(this.node('start')).toBeVisible();
  }

  get nodes(): Locator {
    return this.canvas.locator('.react-flow__node');
  }

  get edges(): Locator {
    return this.canvas.locator('.react-flow__edge');
  }

  /** Clicks an empty spot of the canvas, so the keyboard talks to the canvas, not a field. */
  async focusCanvas(at: Point = { x: 30, y: 500 }) {
    await this.canvas.locator('.react-flow__pane').click({ position: at });
  }

  /** Ctrl+<key> (Shift too when asked) with the canvas focused. */
  async shortcut(key: string, { shift = false } = {}) {
    await this.page.keyboard.press(`${shift ? 'Shift+' : ''}ControlOrMeta+${key}`);
  }

  /** Clicks the middle of a connection's line; the edge inspector opens for it. */
  async selectEdge(id: string) {
    const line = this.canvas.locator(`.react-flow__edge[data-id="${id}"] path.react-flow__edge-path`);
    // Retried: while the view still animates (a zoom to a node), the middle moves under the click.
    await expect(async () => {
      const middle = await line.evaluate((path: SVGPathElement) => {
        const point = path.getPointAtLength(path.getTotalLength() / 2);
        const m = path.getScreenCTM()!;
        return { x: point.x * m.a + point.y * m.c + m.e, y: point.x * m.b + point.y * m.d + m.f };
      });
      await this.page.mouse.click(middle.x, middle.y);
      await expect(this.page.getByTestId('edge-inspector')).toHaveAttribute('data-edge-id', id, { timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
  }

  async selectNode(id: string) {
    await this.node(id).locator('.fnode__label').click();
    await expect(this.node(id)).toHaveClass(/selected/);
  }

  /** The top-left corner of a node on the screen. */
  async nodeBox(id: string) {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} is not visible`);
    return box;
  }

  async designMenu(item: 'import-design' | 'export-design' | 'history-button') {
    await this.page.getByTestId('design-menu').click();
    await this.page.getByTestId(item).click();
  }

  /** Imports a design file with the given text through the "Design" menu. */
  async importFile(name: string, text: string) {
    await this.page.getByTestId('import-design-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  /**
   * Waits until autosave has stored everything: the indicator reads "Saved vN", or "Draft — unsaved
   * changes since vN" once edits are kept as the draft; returns N (the latest version).
   */
  async waitSaved(): Promise<number> {
    await expect(this.saveState).toHaveText(/^(Saved v\d+|Draft — unsaved changes since v\d+)$/, { timeout: 15_000 });
    return Number((await this.saveState.innerText()).replace(/\D+/g, ''));
  }

  private async canvasBox() {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('canvas is not visible');
    return box;
  }
}

async function center(locator: Locator): Promise<Point> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error('handle is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

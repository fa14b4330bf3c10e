import { readFileSync } from 'node:fs';
import type { Design } from '@/codegen/design';
import { TEMPLATE_CATALOG } from '@/examples/catalog';
import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';
import { ExecutionPage } from './pages/ExecutionPage';

/** The e2e runner cannot import JSON modules: read the template files. */
const TEMPLATES = TEMPLATE_CATALOG.map((t) => ({
  ...t,
  design: JSON.parse(readFileSync(new URL(`../examples/${t.id}.json`, import.meta.url), 'utf8')) as Design,
}));

test.use({ viewport: { width: 1600, height: 1000 }, permissions: ['clipboard-read', 'clipboard-write'] });

test('draw from an empty canvas, undo and redo every step, delete, copy and paste, auto-layout', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createNew();
  await expect(page.getByTestId('canvas-hint')).toBeVisible();

  const wait = await designer.dropNode('wait', { x: 420, y: 300 });
  await designer.fill('condition', 'true');
  const end = await designer.dropNode('end', { x: 420, y: 480 });
  await designer.connect(designer.sourceHandle('start', { id: 'next' }), designer.targetHandle(wait));
  await designer.connect(designer.sourceHandle(wait, { id: 'met' }), designer.targetHandle(end));
  await expect(designer.nodes).toHaveCount(3);
  await expect(designer.edges).toHaveCount(2);

  // Undo walks back one edit at a time: the two connections, then the End node.
  await designer.focusCanvas();
  await designer.shortcut('z');
  await expect(designer.edges).toHaveCount(1);
  await designer.shortcut('z');
  await expect(designer.edges).toHaveCount(0);
  await designer.shortcut('z');
  await expect(designer.nodes).toHaveCount(2);
  // Typing "true" in the condition was one step, not four.
  await designer.selectNode(wait);
  await expect(designer.field('condition')).toHaveText('true');
  await designer.focusCanvas();
  await designer.shortcut('z');
  await designer.selectNode(wait);
  await expect(designer.inspector.locator('.cm-placeholder')).toBeVisible(); // the condition is empty again
  await designer.focusCanvas();
  // Redo both ways: Shift+Ctrl+Z and Ctrl+Y, and the toolbar button.
  await designer.shortcut('z', { shift: true });
  await designer.shortcut('y');
  await page.getByTestId('redo').click();
  await designer.shortcut('y');
  await expect(designer.nodes).toHaveCount(3);
  await expect(designer.edges).toHaveCount(2);
  await expect(page.getByTestId('redo')).toBeDisabled();

  // Delete the End node with the keyboard; its edge goes with it; undo brings both back.
  await designer.selectNode(end);
  await page.keyboard.press('Delete');
  await expect(designer.nodes).toHaveCount(2);
  await expect(designer.edges).toHaveCount(1);
  await designer.shortcut('z');
  await expect(designer.nodes).toHaveCount(3);
  await expect(designer.edges).toHaveCount(2);
  // Backspace inside a field edits the field, never the canvas.
  await designer.selectNode(wait);
  await designer.field('condition').press('Backspace');
  await expect(designer.nodes).toHaveCount(3);

  // Copy both steps and paste: copies with new ids, wired like the originals, selected.
  await designer.focusCanvas();
  await designer.shortcut('a');
  await designer.shortcut('c');
  await designer.shortcut('v');
  await expect(designer.nodes).toHaveCount(5); // Start is never copied
  await expect(designer.edges).toHaveCount(3);
  await expect(designer.canvas.locator('.react-flow__node.selected')).toHaveCount(2);

  // Auto-layout moves the pasted copies off the originals, in one undoable step.
  const before = await designer.nodeBox(wait);
  await page.getByTestId('auto-layout').click();
  await expect(async () => {
    const boxes = await Promise.all((await designer.nodes.all()).map((n) => n.boundingBox()));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a && b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, 'no two nodes overlap after auto-layout').toBeFalsy();
      }
    }
  }).toPass({ timeout: 10_000 });
  expect(await designer.nodeBox(wait)).not.toEqual(before);

  // Paste also works in another design (the clipboard holds design JSON).
  await designer.waitSaved();
  await designer.createNew();
  await designer.focusCanvas();
  await designer.shortcut('v');
  await expect(designer.nodes).toHaveCount(3);
  await expect(designer.edges).toHaveCount(1);

  // The shortcuts are listed behind "?".
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Auto-layout');
  await page.getByTestId('shortcuts-close').click();
});

test('a broken import is refused with the reason and the open design stays as it was', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  const count = await designer.nodes.count();

  await designer.designMenu('import-design');
  await designer.importFile('broken.json', '{"nodes": [');
  await expect(page.getByTestId('import-error-message')).toContainText('broken.json is not valid JSON');
  await page.getByTestId('import-error').getByRole('button', { name: 'OK' }).click();

  const invalid = structuredClone(TEMPLATES[0]!.design) as unknown as { nodes: Record<string, unknown>[] };
  delete invalid.nodes.find((n) => n.id === 'await-approval')!.condition;
  await designer.designMenu('import-design');
  await designer.importFile('invalid.json', JSON.stringify(invalid));
  await expect(page.getByTestId('import-problems')).toContainText('node "Await approval" (await-approval) › condition');
  await page.getByTestId('import-error').getByRole('button', { name: 'OK' }).click();

  await expect(designer.nodes).toHaveCount(count);
  await expect(page.getByTestId('undo')).toBeDisabled();

  // A good file replaces the design, undoably.
  await designer.designMenu('import-design');
  await designer.importFile('greeting.json', JSON.stringify(TEMPLATES.find((t) => t.id === 'greeting')!.design));
  await expect(page.getByTestId('design-name')).toHaveValue('GreetingWorkflow');
  await designer.focusCanvas();
  await designer.shortcut('z');
  await expect(page.getByTestId('design-name')).toHaveValue('ApprovalWorkflow');
});

test('two tabs: the second save is refused as a conflict and the user chooses', async ({ page, context }) => {
  const a = new DesignerPage(page);
  await a.createNew();
  const url = page.url();
  const v1 = await a.waitSaved();
  const other = await context.newPage();
  const b = new DesignerPage(other);
  await other.goto(url);
  await expect(b.node('start')).toBeVisible();

  // Tab A renames (autosaved as the draft, no version) and saves a version first; tab B, still on the old version, edits too.
  await page.getByTestId('design-name').fill('FromTabA');
  await expect(a.saveState).toHaveText(`Draft — unsaved changes since v${v1}`);
  await a.save('Renamed in tab A');
  await expect(a.saveState).toHaveText(`Saved v${v1 + 1}`);
  await other.getByTestId('design-name').fill('FromTabB');
  await expect(other.getByTestId('save-conflict')).toBeVisible();
  await expect(b.saveState).toHaveText(`Conflict: v${v1 + 1} was saved elsewhere`);

  // "Reload theirs" shows tab A's work…
  await other.getByTestId('conflict-reload').click();
  await expect(other.getByTestId('design-name')).toHaveValue('FromTabA');
  await expect(b.saveState).toHaveText(`Saved v${v1 + 1}`);

  // …and when tab A is the stale one, "Keep mine" saves its edit as a new version on top of tab B's.
  await other.getByTestId('design-name').fill('FromTabB');
  await b.save();
  await expect(b.saveState).toHaveText(`Saved v${v1 + 2}`);
  await page.getByTestId('design-name').fill('FromTabA again');
  await expect(page.getByTestId('save-conflict')).toBeVisible();
  await page.getByTestId('conflict-overwrite').click();
  await expect(a.saveState).toHaveText(`Saved v${v1 + 3}`);

  // Version history lists every version; restoring v1 saves it as a new version.
  await a.designMenu('history-button');
  await expect(page.getByTestId('version-row')).toHaveCount(v1 + 3);
  await page.getByTestId(`restore-${v1}`).click();
  await expect(a.saveState).toHaveText(`Saved v${v1 + 4}`);
  await expect(page.getByTestId('design-name')).toHaveValue('NewWorkflow');
});

test('every template opens as a design without problems', async ({ page }) => {
  const designer = new DesignerPage(page);
  for (const template of TEMPLATES) {
    await designer.createFromTemplate(template.id);
    await expect(designer.nodes).toHaveCount(template.design.nodes.length);
    await expect(page.getByTestId('design-name')).toHaveValue(template.design.name);
    await designer.expectNoProblems();
  }
});

test('variables: rename everywhere from the outline, delete with a warning when used', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  await designer.expectNoProblems();

  const row = page.getByTestId('outline-variable-approverName');
  await row.getByTestId('rename-variable').click();
  await page.getByTestId('rename-variable-input').fill('approved');
  await expect(page.getByRole('alert').filter({ hasText: '"approved" already exists' })).toBeVisible();
  await page.getByTestId('rename-variable-input').fill('approver');
  await page.getByTestId('rename-variable-input').press('Enter');
  await expect(page.getByTestId('outline-variable-approver')).toBeVisible();
  await designer.selectNode('end-approved');
  await expect(designer.field('result')).toHaveText('"Request approved by " + approver');
  await designer.expectNoProblems();
  await designer.expectCodeToContain('approver');

  // "comment" is assigned by two handlers and read by an End: deleting it warns and lists where.
  await page.getByTestId('outline-variable-comment').getByTestId('delete-variable').click();
  const dialog = page.getByTestId('delete-variable-dialog');
  await expect(dialog).toContainText('used in 3 places');
  await expect(dialog).toContainText('Rejected · result');
  await page.getByTestId('confirm-delete-variable').click();
  await expect(page.getByTestId('outline-variable-comment')).toHaveCount(0);
  await expect(designer.diagnostics).not.toHaveAttribute('data-count', '0');
  await designer.focusCanvas();
  await designer.shortcut('z');
  await expect(page.getByTestId('outline-variable-comment')).toBeVisible();

  // Handlers are listed too; clicking one selects it on the canvas.
  await page.getByTestId('outline-handler-approve').click();
  await expect(designer.inspector).toHaveAttribute('data-node-id', 'approve');
});

test('the theme choice is applied everywhere and remembered', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createNew();
  await page.getByTestId('theme-dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(designer.canvas.locator('.react-flow')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(15, 18, 24)');
  // Pages without the toggle show the choice too, from their first paint.
  await page.goto('/executions');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('expression inputs: highlighted, complete names in scope, underline errors where they are', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  await designer.selectNode('await-approval');
  const condition = designer.field('condition');
  await expect(condition).toHaveText('decided');
  await expect(designer.inspector.locator('.expr-editor .cm-content')).toHaveCount(1);

  // Completion: typing "appr" offers the variables that start with it; Enter accepts.
  await condition.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' && appr');
  const options = page.locator('.cm-tooltip-autocomplete li');
  await expect(options.filter({ hasText: 'approverName' })).toBeVisible();
  await expect(options.filter({ hasText: 'approved' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(condition).toHaveText(/^decided && appro\w+$/);

  // A syntax error is underlined at its position, and the message says what to write instead.
  await designer.fill('condition', 'decided = true');
  const mark = designer.inspector.locator('.cm-lintRange-error');
  await expect(mark).toHaveText('=');
  await mark.hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText('==');
});

test('the code view highlights the selected node’s code; a problem focuses its node', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  await designer.expectNoProblems();
  await designer.selectNode('await-approval');
  await expect(designer.codeView).toHaveAttribute('data-highlight', /^\d+-\d+$/);
  const marked = designer.codeView.locator('.cm-node-line');
  await expect(marked.filter({ hasText: "stepTracker.enterWaiting('await-approval', 'Await approval')" })).toBeVisible();
  await expect(marked.filter({ hasText: "stepTracker.enter('is-approved'" })).toHaveCount(0);
  await designer.selectNode('add-comment');
  await expect(marked.filter({ hasText: 'addCommentUpdate' }).first()).toBeVisible();

  // Break the decision's condition: the problem names it, and clicking the problem selects the node.
  await designer.selectNode('is-approved');
  await designer.fill('branches.0.condition', 'approvd');
  await designer.focusCanvas();
  const problem = page.getByTestId('diagnostic-item').filter({ hasText: 'approvd' });
  await expect(problem).toBeVisible({ timeout: 15_000 });
  await problem.click();
  await expect(designer.inspector).toHaveAttribute('data-node-id', 'is-approved');
});

test('a template deploys and runs as drawn: the greeting’s validated language update', async ({ page }) => {
  test.setTimeout(180_000);
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('greeting');
  await designer.expectNoProblems();
  await designer.deploy();
  await designer.start({});

  const execution = new ExecutionPage(page);
  await execution.expectStatus('RUNNING');
  // The chapter's greeting (6.3.2): set_language answers with the previous language; it greets after 24 hours.
  const outcome = page.getByTestId('update-result-set_language');
  await execution.send('update', 'set_language', { language: 'xx' });
  await expect(outcome).toHaveAttribute('data-tone', 'rejected');
  await expect(outcome).toContainText('Language xx not supported');
  await execution.send('update', 'set_language', { language: 'de' });
  await expect(outcome).not.toHaveAttribute('data-tone', 'rejected');
  await expect(outcome).toContainText('en');
});

test('a refused connection says why while it is dragged, and nothing is connected', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  const edgesBefore = await designer.edges.count();
  const from = (await designer.sourceHandle('approve', { id: 'out' }).boundingBox())!;
  const to = (await designer.targetHandle('is-approved').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await expect(page.getByTestId('connection-refusal')).toContainText('connects only to a Wait');
  await page.mouse.up();
  await expect(page.getByTestId('connection-refusal')).toHaveCount(0);
  await expect(designer.edges).toHaveCount(edgesBefore);
});

test('a connection has its own inspector: move it to another step or output, undo, go to its ends, delete it', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  await designer.expectNoProblems();
  const edgeInspector = page.getByTestId('edge-inspector');

  await designer.selectEdge('e-yes');
  await expect(edgeInspector).toContainText('After "Approved?", the execution goes on with "Approved"');
  await expect(page.getByTestId('edge-output')).toHaveValue('yes');
  await expect(page.getByTestId('edge-target')).toHaveValue('end-approved');
  // Only steps a drag would accept are offered: never Start, the decision itself, or a message handler.
  const offered = await page.getByTestId('edge-target').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toContain('end-rejected');
  for (const refused of ['start', 'is-approved', 'approve']) expect(offered).not.toContain(refused);

  // Leading the "Approved" branch to the rejection leaves the approval step unreachable: the problems say so.
  await page.getByTestId('edge-target').selectOption('end-rejected');
  await expect(edgeInspector).toContainText('goes on with "Rejected"');
  const unreachable = page.getByTestId('diagnostic-item').filter({ hasText: 'can never be reached' });
  await expect(unreachable).toHaveCount(1, { timeout: 15_000 });
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('edge-target')).toHaveValue('end-approved');
  await designer.expectNoProblems();

  // Moving it to the "else" output replaces the connection that output had (an output leads to one place).
  const edgesBefore = await designer.edges.count();
  await page.getByTestId('edge-output').selectOption('else');
  await expect(designer.edges).toHaveCount(edgesBefore - 1);
  await expect(designer.canvas.locator('.react-flow__edge[data-id="e-else"]')).toHaveCount(0);
  await expect(page.getByTestId('diagnostic-item').filter({ hasText: 'no edge from its branch "Approved" output' })).toHaveCount(1, { timeout: 15_000 });
  await page.getByTestId('undo').click();
  await expect(designer.edges).toHaveCount(edgesBefore);

  // Its ends are a click away; deleting it leaves the branch unconnected, named in the problems.
  await designer.selectEdge('e-yes');
  await page.getByTestId('edge-source').click();
  await expect(designer.inspector).toHaveAttribute('data-node-id', 'is-approved');
  await designer.selectEdge('e-yes');
  await page.getByTestId('delete-edge').click();
  await expect(designer.edges).toHaveCount(edgesBefore - 1);
  await expect(edgeInspector).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Workflow settings' })).toBeVisible();
  await expect(page.getByTestId('diagnostic-item').filter({ hasText: 'no edge from its branch "Approved" output' })).toHaveCount(1, { timeout: 15_000 });
});

test('message handlers in the outline: add, rename the message, delete with a warning when connected', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  await designer.expectNoProblems();

  // Added from the outline: named, placed and selected, ready to edit.
  await page.getByTestId('outline-add-signal').click();
  await expect(designer.inspector).toHaveAttribute('data-kind', 'signal');
  await expect(designer.field('name')).toHaveValue('signal1');
  const added = (await designer.inspector.getAttribute('data-node-id'))!;
  await expect(page.getByTestId(`outline-handler-${added}`)).toContainText('signal1');

  // Renaming refuses a name another message has, then renames the message in the design and its code.
  const approve = page.getByTestId('outline-handler-row-approve');
  await approve.getByTestId('rename-handler').click();
  await page.getByTestId('rename-handler-input').fill('get_status');
  await expect(page.getByRole('alert').filter({ hasText: 'Another message is already named "get_status"' })).toBeVisible();
  await page.getByTestId('rename-handler-input').fill('approveRequest');
  await page.getByTestId('rename-handler-input').press('Enter');
  await expect(page.getByTestId('outline-handler-approve')).toContainText('approveRequest');
  await expect(designer.node('approve')).toContainText('approveRequest(');
  await designer.expectCodeToContain('approveRequestSignal');

  // The signal can satisfy "Await approval": deleting it says so first; then the wait can only time out.
  await approve.getByTestId('delete-handler').click();
  const dialog = page.getByTestId('delete-handler-dialog');
  await expect(dialog).toContainText('connected to 1 wait');
  await expect(dialog).toContainText('Await approval · can satisfy this wait');
  await page.getByTestId('confirm-delete-handler').click();
  await expect(designer.node('approve')).toHaveCount(0);
  await expect(page.getByTestId('diagnostic-item').filter({ hasText: 'Await approval' }).first()).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('undo').click();
  await expect(designer.node('approve')).toBeVisible();
  await expect(designer.canvas.locator('.react-flow__edge[data-id="e-approve"]')).toHaveCount(1);

  // An unconnected handler goes without a question.
  await page.getByTestId(`outline-handler-row-${added}`).getByTestId('delete-handler').click();
  await expect(page.getByTestId('delete-handler-dialog')).toHaveCount(0);
  await expect(designer.node(added)).toHaveCount(0);
});

test('a deploy refused for a problem names the node; clicking the finding selects it', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.createFromTemplate('approval');
  await designer.selectNode('is-approved');
  await designer.fill('branches.0.condition', 'approvd');
  await designer.focusCanvas();
  await page.getByTestId('deploy-button').click();
  const status = page.getByTestId('deploy-status');
  await expect(status).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
  const finding = status.getByTestId('deploy-finding').filter({ hasText: 'approvd' });
  await expect(finding).toBeVisible();
  await finding.click();
  await expect(designer.inspector).toHaveAttribute('data-node-id', 'is-approved');
});

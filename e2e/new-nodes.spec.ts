import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

// Room for the canvas between the palette, the inspector and the code panel.
test.use({ viewport: { width: 1600, height: 1000 } });

/**
 * The node kinds and types added for the chapter's patterns, drawn the way a person does: a money
 * and a list variable, a Child workflow, a Signal workflow and a Continue-as-new, with the code
 * generated live and free of problems.
 */
test('draw money and list state, a child workflow, a signal to another workflow and continue-as-new', async ({ page }) => {
  test.setTimeout(120_000);
  const designer = new DesignerPage(page);
  await designer.createNew();
  await designer.pan({ x: 60, y: 600 }, { x: 0, y: -260 });

  await designer.openWorkflowSettings();
  await designer.fill('workflow-name', 'RelayWorkflow');
  const total = await designer.addRow('variables');
  await designer.fill(`variables.${total}.name`, 'total');
  await designer.field(`variables.${total}.type`).selectOption('money');
  await expect(designer.field(`variables.${total}.initial`)).toContainText('money("0")');
  const seen = await designer.addRow('variables');
  await designer.fill(`variables.${seen}.name`, 'seen');
  await designer.field(`variables.${seen}.type`).selectOption('list');
  await designer.field(`variables.${seen}.items`).selectOption('string');

  // A child names a saved design (here itself): saved under its new name before the child's form lists the designs.
  await designer.waitSaved();
  const child = await designer.dropNode('childWorkflow', { x: 520, y: 220 });
  await designer.field('design').selectOption('RelayWorkflow');
  await designer.fill('workflowId', 'workflowId() + "-child"');
  await designer.field('waitForResult').uncheck();

  const ping = await designer.dropNode('signalExternal', { x: 520, y: 360 });
  await designer.fill('workflowId', 'workflowId() + "-child"');
  await designer.fill('signal', 'ping');
  const arg = await designer.addRow('args');
  await designer.fill(`args.${arg}.name`, 'amount');
  await designer.field(`args.${arg}.type`).selectOption('money');
  await designer.fill(`args.${arg}.value`, 'total + money("1.10") * 2');

  const again = await designer.dropNode('continueAsNew', { x: 520, y: 500 });
  await designer.field('carry.total').check();
  await designer.field('carry.seen').check();

  await designer.connect(designer.sourceHandle('start', { id: 'next' }), designer.targetHandle(child));
  await designer.connect(designer.sourceHandle(child, { id: 'next' }), designer.targetHandle(ping));
  await designer.connect(designer.sourceHandle(ping, { id: 'next' }), designer.targetHandle(again));

  await designer.expectNoProblems();
  await designer.expectCodeToContain("parentClosePolicy: 'ABANDON'");
  await designer.expectCodeToContain('getExternalWorkflowHandle(');
  await designer.expectCodeToContain("addMoney(total, multiplyMoney(money('1.10'), 2))");
  await designer.expectCodeToContain('return continueAsNew<typeof RelayWorkflow>({ total, seen });');
  // money.ts, the exact-decimal helpers, gets its own tab once the design uses money.
  await page.getByTestId('code-tab-money.ts').click();
  await expect(designer.codeView.locator('.cm-content')).toContainText('export function addMoney(a: Money, b: Money): Money');
});

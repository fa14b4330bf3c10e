import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';

test.use({ viewport: { width: 1600, height: 1000 } });

/** Screenshots go where SHOTS_DIR says (other runs may empty test-results meanwhile). */
const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-results';

/**
 * Wire names in the inspector: a message and its fields are named as clients send them
 * (approve, approver_name); the inspector shows the identifier the code reads beside each, and
 * expressions use it (args.approverName).
 */
test('a signal named in snake_case shows its wire names and the identifiers the code reads', async ({ page }) => {
  test.setTimeout(120_000);
  const designer = new DesignerPage(page);
  await designer.createNew();
  await designer.openWorkflowSettings();
  await designer.addVariable('approverName', 'string', '""');
  await designer.addField('input', 'request_id', 'string');
  await expect(page.getByTestId('identifier-input.0.name')).toHaveText('On the wire request_id, in expressions input.requestId');

  await designer.dropNode('signal', { x: 480, y: 200 });
  await designer.fill('name', 'add_approval');
  await expect(page.getByTestId('message-identifier')).toHaveText('addApprovalSignal');
  await designer.addField('parameters', 'approver_name', 'string');
  await expect(page.getByTestId('identifier-parameters.0.name')).toHaveText('On the wire approver_name, in expressions args.approverName');
  await designer.addAssignment('approverName', 'args.approverName');
  await page.getByTestId('inspector').screenshot({ path: `${SHOTS_DIR}/wire-names-inspector.png` });

  const end = await designer.dropNode('end', { x: 480, y: 420 });
  await designer.fill('result', '"Request " + input.requestId + " approved by " + approverName');
  await designer.connect(designer.sourceHandle('start', { id: 'next' }), designer.targetHandle(end));
  await designer.expectNoProblems();
  await designer.expectCodeToContain(`defineSignal<[AddApprovalArgs]>('add_approval')`);
  await designer.expectCodeToContain('const args = addApprovalSignalPayload.read(wireArgs);');
});

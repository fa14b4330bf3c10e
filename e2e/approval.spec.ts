import { expect, test } from './fixtures';
import { DesignerPage } from './pages/DesignerPage';
import { ExecutionPage } from './pages/ExecutionPage';

// Room for the canvas between the palette, the inspector and the code panel.
test.use({ viewport: { width: 1600, height: 1000 } });

test('draw the approval workflow, deploy it, run it and approve it', async ({ page }) => {
  test.setTimeout(240_000);
  const designer = new DesignerPage(page);
  await designer.createNew();

  // Move the Start node to the top of the view, leaving room below it.
  await designer.pan({ x: 60, y: 600 }, { x: 0, y: -260 });

  // The workflow: input, variables, result.
  await designer.openWorkflowSettings();
  await designer.fill('workflow-name', 'ApprovalWorkflow');
  await designer.addField('input', 'requestId', 'string');
  await designer.addVariable('decided', 'boolean', 'false');
  await designer.addVariable('approved', 'boolean', 'false');
  await designer.addVariable('approverName', 'string', '""');
  await designer.addVariable('comment', 'string', '""');

  // Steps, each filled in right after it is dropped (a dropped node is selected).
  const wait = await designer.dropNode('wait', { x: 520, y: 240 });
  await designer.fill('label', 'Await approval');
  await designer.fill('condition', 'decided');
  await designer.field('hasTimeout').check();
  await designer.fill('timeout.amount', '10');
  await designer.field('timeout.unit').selectOption('seconds');

  const decision = await designer.dropNode('decision', { x: 520, y: 390 });
  await designer.fill('label', 'Approved?');
  await designer.fill('branches.0.label', 'Approved');
  await designer.fill('branches.0.condition', 'approved');

  const endApproved = await designer.dropNode('end', { x: 330, y: 550 });
  await designer.fill('label', 'Approved');
  await designer.fill('result', '"Request approved by " + approverName');

  const endRejected = await designer.dropNode('end', { x: 710, y: 550 });
  await designer.fill('label', 'Rejected');
  await designer.fill('result', '"Request rejected by " + approverName + ": " + comment');

  const endTimedOut = await designer.dropNode('end', { x: 860, y: 330 });
  await designer.fill('label', 'Timed out');
  await designer.fill('result', '"Request " + input.requestId + " timed out without a decision"');

  const signal = await designer.dropNode('signal', { x: 170, y: 240 });
  await designer.fill('label', 'Approve');
  await designer.fill('name', 'approve');
  await designer.addField('parameters', 'approverName', 'string');
  await designer.addField('parameters', 'approved', 'boolean');
  await designer.addField('parameters', 'comment', 'string', false);
  await designer.addAssignment('approved', 'args.approved');
  await designer.addAssignment('approverName', 'args.approverName');
  await designer.addAssignment('comment', 'args.comment');
  await designer.addAssignment('decided', 'true');

  // Wire it up by dragging between handles.
  await designer.connect(designer.sourceHandle('start', { id: 'next' }), designer.targetHandle(wait));
  await designer.connect(designer.sourceHandle(wait, { id: 'met' }), designer.targetHandle(decision));
  await designer.connect(designer.sourceHandle(wait, { id: 'timeout' }), designer.targetHandle(endTimedOut));
  await designer.connect(designer.sourceHandle(decision, { label: 'Approved' }), designer.targetHandle(endApproved));
  await designer.connect(designer.sourceHandle(decision, { id: 'else' }), designer.targetHandle(endRejected));
  await designer.connect(designer.sourceHandle(signal, { id: 'out' }), designer.targetHandle(wait, 'messages'));

  // The generator agrees, and shows the signal it defines.
  await designer.expectNoProblems();
  await designer.expectCodeToContain('defineSignal');

  await designer.save();
  await designer.deploy();
  await designer.start({ requestId: 'REQ-42' });

  // The execution waits for the approval…
  const execution = new ExecutionPage(page);
  await execution.expectStatus('RUNNING');
  await execution.expectCurrentStep(wait);

  // …until Ada approves it.
  await execution.send('signal', 'approve', { approverName: 'Ada', approved: true, comment: 'ok' });
  await execution.expectStatus('COMPLETED');
  await expect(execution.result).toHaveText('Request approved by Ada');
  await expect(execution.node(endApproved).locator('[data-visited="true"]')).toBeVisible();
});

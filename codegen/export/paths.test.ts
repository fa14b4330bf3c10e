import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lowerDesign } from '../ir/lower';
import { parseDesign } from '../parse';
import { approvalDesign } from '../testing/designs';
import { validateDesign } from '../validate';
import { explorationCatalog } from './catalog';
import { exportProject } from './index';
import { helperStem } from './model';
import { branchPaths, rejectionPaths } from './paths';

function irOf(input: unknown) {
  const parsed = parseDesign(input);
  assert.ok(parsed.ok);
  const { validated } = validateDesign(parsed.design);
  assert.ok(validated);
  return lowerDesign(validated);
}

test("the approval design's paths: the wait's timeout, both branches of the decision, each validator rule", () => {
  const ir = irOf(approvalDesign());
  assert.deepEqual(
    branchPaths(ir).map((p) => [p.title, p.fromLiteral, p.toLiteral, p.outcome]),
    [
      ['"Await approval" times out (7 days) → "Timed out"', '"await-approval"', '"end-timed-out"', 'completed'],
      ['"Approved?" takes "Approved" → "Approved"', '"is-approved"', '"end-approved"', 'completed'],
      ['"Approved?" takes "otherwise" → "Rejected"', '"is-approved"', '"end-rejected"', 'completed'],
    ],
  );
  assert.deepEqual(
    rejectionPaths(ir).map((p) => [p.updateLiteral, p.messageLiteral]),
    [
      ['"addComment"', '"The request is already decided"'],
      ['"addComment"', '"The comment must not be blank"'],
    ],
  );
});

test("an End's result becomes the expected value, computed from the run's input and state", () => {
  const [timedOut, approved] = branchPaths(irOf(approvalDesign()));
  assert.match(timedOut.expectedResultCode ?? '', /^\(input: ApprovalWorkflowInput, _state: Record<string, unknown>\): string => \{\s*return "Request " \+ input\.requestId/);
  assert.match(approved.expectedResultCode ?? '', /const approverName = state\["approverName"\] as string;/);
});

test('a state machine (loop) still yields each branch, proven by the case it goes to', () => {
  const design = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'data-migration-progress.json'), 'utf8'));
  const titles = branchPaths(irOf(design)).map((p) => p.title);
  assert.deepEqual(titles, ['"Records left?" takes "Yes" → "Migrate record"', '"Records left?" takes "otherwise" → "Completed"']);
});

test('the catalog offers every signal and update with the literals the conditions compare with', () => {
  const catalog = explorationCatalog(irOf(approvalDesign()));
  assert.deepEqual(catalog.input.baseline, { requestId: 'example requestId' });
  assert.deepEqual(
    catalog.messages.map((m) => [m.kind, m.name]),
    [
      ['signal', 'approve'],
      ['update', 'addComment'],
    ],
  );
  const approve = catalog.messages[0];
  assert.ok(approve.variants.some((v) => v.approved === true), 'the decision reads approved: its other value is tried');
  assert.ok(catalog.messages[1].variants.some((v) => v.text === ''), 'a blank comment is tried');
});

test('helper names are idiomatic camelCase whatever the workflow and message names', async () => {
  assert.equal(helperStem('ux_DrawOrder'), 'UxDrawOrder');
  assert.equal(helperStem('get_status'), 'GetStatus');
  assert.equal(helperStem('ApprovalWorkflow'), 'ApprovalWorkflow');
  const design = approvalDesign();
  design.name = 'ux_DrawOrder';
  const result = await exportProject(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const client = result.files.find((f) => f.path === 'src/client.ts')!.contents;
  assert.match(client, /export async function startUxDrawOrder\(/);
  assert.match(client, /export type UxDrawOrderHandle = WorkflowHandle<typeof ux_DrawOrder>;/);
  assert.doesNotMatch(client, /startux_|ux_DrawOrderHandle/);
});

test('every exported file says it is generated from the design and the user\'s to change; none says "do not edit"', async () => {
  const result = await exportProject(approvalDesign());
  const readme = result.files.find((f) => f.path === 'README.md')!.contents;
  assert.match(readme, /yours to change/);
  for (const file of result.files.filter((f) => f.path.endsWith('.ts'))) {
    assert.equal(file.contents.split('\n')[0], '// Generated from the Signalbox design "ApprovalWorkflow"; yours to change (see README.md).', file.path);
    assert.doesNotMatch(file.contents, /Do not edit/i, file.path);
  }
  assert.equal(result.files.find((f) => f.path === '.gitignore')?.contents.split('\n')[0], 'node_modules/');
});

test('the README names every file of the project', async () => {
  for (const design of [approvalDesign()]) {
    const result = await exportProject(design);
    const readme = result.files.find((f) => f.path === 'README.md')!.contents;
    for (const file of result.files.filter((f) => f.path !== 'README.md' && f.path !== 'tsconfig.json')) {
      assert.ok(readme.includes(`\`${file.path}\``), `README.md does not mention ${file.path}`);
    }
  }
});

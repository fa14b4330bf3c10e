import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Design } from '../schema/design';
import { approvalDesign } from '../testing/designs';
import { typecheckInMemory } from '../verify/in-memory';
import { GENERATED_CODE_COMPILER_OPTIONS, typecheckProject } from '../verify/typecheck';
import { exportProject, importedPackages } from './index';
import { kebabCase } from './model';
import { markdownText } from './render';
import { writeExport } from './testing';
import { EXPORT_DEPENDENCY_VERSIONS, EXPORT_DEV_DEPENDENCY_VERSIONS } from './versions';

/** The smallest design there is: no input, no messages, straight to the end. */
function minimalDesign(): Design {
  return {
    schemaVersion: 1,
    name: 'HelloWorkflow',
    input: [],
    resultType: 'string',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', label: 'Start', position: { x: 0, y: 0 } },
      { id: 'done', type: 'end', label: 'Done', outcome: 'complete', result: '"hello"', position: { x: 0, y: 100 } },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'done' }],
  };
}

function file(result: Awaited<ReturnType<typeof exportProject>>, path: string): string {
  const found = result.files.find((f) => f.path === path);
  assert.ok(found, `${path} was not exported`);
  return found.contents;
}

test('the approval design exports as a project with every promised file', async () => {
  const result = await exportProject(approvalDesign());
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  assert.equal(result.projectName, 'approval-workflow');
  assert.deepEqual(
    result.files.map((f) => f.path),
    [
      '.gitignore',
      'package-lock.json',
      'package.json',
      'README.md',
      'src/activities.ts',
      'src/client.ts',
      'src/path-explorer.ts',
      'src/payload-checks.ts',
      'src/shared.ts',
      'src/step-tracking.ts',
      'src/worker.ts',
      'src/workflow.test.ts',
      'src/workflows.ts',
      'tsconfig.json',
    ],
  );
});

test('package.json pins exactly the @temporalio/* packages the code imports, at our versions', async () => {
  const result = await exportProject(approvalDesign());
  const manifest = JSON.parse(file(result, 'package.json'));
  const sources = result.files.filter((f) => f.path.startsWith('src/'));
  // The test's own tooling (@temporalio/testing) is a dev dependency; everything else the code imports is a dependency.
  assert.deepEqual(Object.keys(manifest.dependencies), importedPackages(sources).filter((name) => !EXPORT_DEV_DEPENDENCY_VERSIONS[name]));
  assert.equal(manifest.devDependencies['@temporalio/testing'], EXPORT_DEV_DEPENDENCY_VERSIONS['@temporalio/testing']);
  for (const [name, version] of Object.entries(manifest.dependencies)) {
    assert.match(String(version), /^\d+\.\d+\.\d+$/, `${name} is pinned to an exact version`);
    assert.equal(version, EXPORT_DEPENDENCY_VERSIONS[name]);
  }
  for (const sdk of ['@temporalio/activity', '@temporalio/client', '@temporalio/worker', '@temporalio/workflow']) assert.ok(manifest.dependencies[sdk], sdk);
  assert.equal(manifest.scripts.test, 'node --import tsx --test src/workflow.test.ts');
  assert.ok(manifest.devDependencies.typescript && manifest.devDependencies.tsx);
});

test('client.ts has a typed helper for every signal, query, update, signal-with-start and update-with-start', async () => {
  const client = file(await exportProject(approvalDesign()), 'src/client.ts');
  // Compare signatures independently of prettier's line breaks.
  const flat = client.replace(/,\s*\)/g, ')').replace(/\(\s+/g, '(').replace(/\s+/g, ' ');
  for (const helper of [
    'startApprovalWorkflow(',
    'getApprovalWorkflow(',
    'signalApprove(handle: ApprovalWorkflowHandle, args: ApproveArgs)',
    'signalWithStartApprove(',
    'queryStatus(handle: ApprovalWorkflowHandle): Promise<string>',
    'updateAddComment(',
    'startUpdateAddComment(',
    'updateWithStartAddComment(',
  ]) {
    assert.ok(flat.includes(helper), `missing ${helper}`);
  }
  assert.match(client, /waitForStage: WorkflowUpdateStage\.ACCEPTED/);
  assert.match(client, /workflowIdConflictPolicy: 'USE_EXISTING'/);
  const fromWorkflows = client.split('\n').filter((line) => line.includes("from './workflows'"));
  assert.deepEqual(fromWorkflows, ["import type { ApprovalWorkflow } from './workflows';"], 'the client imports only the workflow type');
});

test('the exported approval project and a message-less one type-check with their own tsconfig', async () => {
  for (const design of [approvalDesign(), minimalDesign()]) {
    const result = await exportProject(design);
    assert.ok(result.ok, JSON.stringify(result.diagnostics));
    const written = writeExport(result.files, 'typecheck');
    try {
      assert.deepEqual(typecheckProject(written.dir), [], design.name);
    } finally {
      written.remove();
    }
  }
});

test('a design without messages gets a client without message helpers and a README that says so', async () => {
  const result = await exportProject(minimalDesign());
  assert.doesNotMatch(file(result, 'src/client.ts'), /signal|executeUpdate|query\(/);
  assert.match(file(result, 'README.md'), /handles no messages/);
  assert.doesNotMatch(file(result, 'src/workflow.test.ts'), /signal-with-start/);
});

test('an invalid design exports nothing and names the node', async () => {
  const design = approvalDesign();
  design.edges = design.edges.filter((e) => e.source !== 'await-approval');
  const result = await exportProject(design);
  assert.equal(result.ok, false);
  assert.deepEqual(result.files, []);
  assert.ok(result.diagnostics.some((d) => d.severity === 'error' && d.nodeId === 'await-approval'));
});

test('hostile descriptions stay inert text in the README and package.json', async () => {
  const design = approvalDesign();
  design.description = '# Title\n<script>alert(1)</script> [link](http://x) `code` ${x} */ "quoted"';
  const result = await exportProject(design);
  const readme = file(result, 'README.md');
  assert.ok(!readme.includes('<script>'));
  assert.ok(!readme.includes('\n# Title'));
  assert.ok(readme.includes('&lt;script\\>alert(1)&lt;/script\\> \\[link\\](http://x) \\`code\\`'));
  assert.equal(JSON.parse(file(result, 'package.json')).description, design.description.replace(/\s+/g, ' '));
});

test('markdownText and kebabCase', () => {
  assert.equal(markdownText('a\nb\u2028c'), 'a b c');
  assert.equal(markdownText('x < y & *z*'), 'x &lt; y &amp; \\*z\\*');
  assert.equal(kebabCase('ApprovalWorkflow'), 'approval-workflow');
  assert.equal(kebabCase('HTTPOrder2Flow'), 'http-order2-flow');
  assert.equal(kebabCase('_x_y'), 'x-y');
});

test('every golden and example design exports as a project that type-checks (client helpers for every pattern)', async () => {
  const root = join(import.meta.dirname, '..', '..');
  const goldens = join(root, 'codegen', '__golden__');
  const designFiles = [
    ...readdirSync(goldens).map((dir) => join(goldens, dir, 'design.json')).filter((file) => existsSync(file)),
    ...readdirSync(join(root, 'examples')).filter((file) => file.endsWith('.json')).map((file) => join(root, 'examples', file)),
  ];
  assert.ok(designFiles.length >= 4, designFiles.join(', '));
  const projects = [];
  for (const file of designFiles) {
    const result = await exportProject(JSON.parse(readFileSync(file, 'utf8')));
    assert.ok(result.ok, `${file}: ${JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error'))}`);
    projects.push({ files: result.files.filter((f) => f.path.endsWith('.ts')) });
  }
  // The exported tsconfig.json's options: the generated-code options plus Node's types for worker, client and test.
  const results = typecheckInMemory(projects, { ...GENERATED_CODE_COMPILER_OPTIONS, types: ['node'] });
  results.forEach((diagnostics, i) => assert.deepEqual(diagnostics, [], designFiles[i]));
});

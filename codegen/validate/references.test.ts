import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDesign, type CompileOptions } from '../pipeline';
import type { Design, NodeOfType } from '../schema/design';
import { goldenDesign } from '../testing/fixtures';
import { namedDesigns, type DesignResolutions } from './references';

/**
 * Child workflows and signal-external name other designs; the deploy resolves each name to the
 * design's stable task queue (compileDesign's `designs`) and refuses a design that is not deployed.
 */
const WORKER_QUEUE = 'signalbox-design-worker0001';

function orchestrator(bend: (child: NodeOfType<'childWorkflow'>, audit: NodeOfType<'childWorkflow'>, signal: NodeOfType<'signalExternal'>) => void = () => {}): Design {
  const design = goldenDesign('orchestrator');
  const node = <K extends 'childWorkflow' | 'signalExternal'>(id: string, kind: K) => {
    const found = design.nodes.find((n) => n.id === id);
    assert.equal(found?.type, kind, `fixture changed: ${id}`);
    return found as NodeOfType<K>;
  };
  bend(node('start-worker', 'childWorkflow'), node('run-audit', 'childWorkflow'), node('send-task', 'signalExternal'));
  return design;
}

async function workflowsTs(design: Design, options: CompileOptions = {}): Promise<string> {
  const result = await compileDesign(design, options);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  return result.files.find((f) => f.path === 'workflows.ts')!.contents;
}

test("a child names its design; at deploy it runs on that design's stable task queue", async () => {
  const code = await workflowsTs(orchestrator(), { designs: { TaskWorkerWorkflow: { taskQueue: WORKER_QUEUE } } });
  assert.equal(code.match(new RegExp(`taskQueue: '${WORKER_QUEUE}'`, 'g'))?.length, 2, 'both children');
  assert.match(code, /startChild<[\s\S]*?>\('TaskWorkerWorkflow'/);
});

test('deploying a design whose referenced design is not deployed is refused, naming it, on the node', async () => {
  const resolutions: DesignResolutions[] = [{}, { OtherWorkflow: { taskQueue: 'signalbox-design-other' } }];
  for (const designs of resolutions) {
    const result = await compileDesign(orchestrator(), { designs });
    assert.equal(result.ok, false);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(
      errors.map((d) => [d.code, d.nodeId, d.field, d.message]),
      [
        ['reference.not-deployed', 'start-worker', 'design', 'Child workflow "Start a worker" refers to the design "TaskWorkerWorkflow", which is not deployed; deploy it first'],
        ['reference.not-deployed', 'send-task', 'design', 'Signal workflow "Send it a task" refers to the design "TaskWorkerWorkflow", which is not deployed; deploy it first'],
        ['reference.not-deployed', 'run-audit', 'design', 'Child workflow "Audit" refers to the design "TaskWorkerWorkflow", which is not deployed; deploy it first'],
      ],
    );
  }
});

test("without a resolution (the designer's live compile) references are not checked: the design compiles, children on this run's queue", async () => {
  const result = await compileDesign(orchestrator());
  assert.ok(result.ok);
  assert.deepEqual(result.diagnostics, []);
  assert.doesNotMatch(result.files.find((f) => f.path === 'workflows.ts')!.contents, /taskQueue/);
});

test('a design may name itself: no task queue (its own) and nothing to resolve', async () => {
  const design = orchestrator((child, audit, signal) => {
    child.design = 'OrchestratorWorkflow';
    audit.design = 'OrchestratorWorkflow';
    signal.design = 'OrchestratorWorkflow';
  });
  const code = await workflowsTs(design, { designs: {} });
  assert.doesNotMatch(code, /taskQueue/);
  assert.match(code, /startChild<[\s\S]*?>\('OrchestratorWorkflow'/);
});

test('a child saved before designs were named (workflowType + typed task queue) compiles exactly as it did', async () => {
  const design = orchestrator((child, audit, signal) => {
    for (const node of [child, audit]) {
      delete node.design;
      node.workflowType = 'TaskWorkerWorkflow';
    }
    child.taskQueue = '"workers-" + workflowId()';
    delete signal.design;
  });
  // The deploy's resolution does not touch it: nothing is named, so nothing is checked.
  const code = await workflowsTs(design, { designs: {} });
  assert.match(code, /workflowId: workflowInfo\(\)\.workflowId \+ '-worker-' \+ String\(started \+ 1\),\n\s*taskQueue: 'workers-' \+ workflowInfo\(\)\.workflowId,/);
  assert.equal(code.match(/taskQueue/g)?.length, 1, 'the audit child had no task queue: it runs on this run’s queue');
  assert.equal(code.match(/'TaskWorkerWorkflow'/g)?.length, 2);
});

test('a child with an empty design (a new node) asks for one', async () => {
  const result = await compileDesign(orchestrator((child) => (child.design = '')));
  const error = result.diagnostics.find((d) => d.code === 'child.no-design');
  assert.equal(error?.message, 'Child workflow "Start a worker" names no design; choose the design it runs');
  assert.equal(error?.field, 'design');
});

test('the designs a design names, for the deploy to resolve: each once, itself left out', () => {
  const design = orchestrator((child) => (child.design = 'OrchestratorWorkflow'));
  assert.deepEqual(namedDesigns(design), ['TaskWorkerWorkflow']);
  assert.deepEqual(namedDesigns(goldenDesign('order')), []);
});

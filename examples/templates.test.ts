import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDesign } from '@/codegen';
import { DesignSchema } from '@/codegen/design';
import { TEMPLATES } from './index';

test('every catalog entry has its design file, and nothing else is in the registry', () => {
  for (const t of TEMPLATES) assert.ok(t.design, `examples/${t.id}.json is not registered in examples/index.ts`);
});

test('the gallery has unique ids and every pattern the chapter shows', () => {
  assert.equal(new Set(TEMPLATES.map((t) => t.id)).size, TEMPLATES.length);
  for (const id of [
    'approval',
    'shopping-cart',
    'expense-approval',
    'data-pipeline',
    'greeting',
    'multi-level-approval',
    'data-migration-progress',
    'queue-processing',
    'ecommerce-order',
    'task-worker',
    'orchestrator',
    'bank-account',
    'idempotent-payments',
  ]) {
    assert.ok(TEMPLATES.some((t) => t.id === id), id);
  }
});

for (const template of TEMPLATES) {
  test(`template "${template.title}" matches the schema and compiles with no errors or warnings`, async () => {
    assert.equal(DesignSchema.safeParse(template.design).success, true);
    const result = await compileDesign(template.design);
    assert.deepEqual(result.diagnostics, [], JSON.stringify(result.diagnostics, null, 2));
    assert.equal(result.ok, true);
    assert.ok(result.files.some((f) => f.path.endsWith('workflows.ts')));
  });
}

test('the orchestrator template signals the workers it is given by id, naming the worker design the gallery offers: no task queue, deploy refused until the worker is deployed', async () => {
  const design = (id: string) => TEMPLATES.find((t) => t.id === id)!.design;
  const worker = design('task-worker');
  const orchestrator = design('orchestrator');
  assert.equal(orchestrator.inputArguments, 'positional');
  assert.deepEqual(orchestrator.input.map((f) => f.name), ['worker_ids']);
  assert.equal(orchestrator.nodes.some((n) => n.type === 'childWorkflow'), false, 'the chapter signals running workers, it starts none');
  const signals = orchestrator.nodes.filter((n) => n.type === 'signalExternal');
  assert.equal(signals.length, 1);
  const [signal] = signals;
  assert.equal(signal.design, worker.name);
  // What it sends is what the worker's process_task takes (the chapter's TaskData).
  const processTask = worker.nodes.find((n) => n.type === 'signal' && n.name === signal.signal);
  assert.ok(processTask && processTask.type === 'signal');
  assert.deepEqual(signal.args.map((a) => a.name), processTask.parameters.map((p) => p.name));
  const resolved = await compileDesign(orchestrator, { designs: { [worker.name]: { taskQueue: 'signalbox-design-w' } } });
  assert.deepEqual(resolved.diagnostics, []);
  const code = resolved.files.find((f) => f.path === 'workflows.ts')!.contents;
  assert.match(code, /export async function OrchestratorWorkflow\(\s*workerIds: string\[\],\s*\): Promise<\{ workers_coordinated: number \}>/);
  assert.match(code, /getExternalWorkflowHandle\('worker-' \+ toSignal\[0\]\)/);
  const refused = await compileDesign(orchestrator, { designs: {} });
  assert.ok(refused.diagnostics.some((d) => d.code === 'reference.not-deployed' && d.message.includes(JSON.stringify(worker.name))));
});

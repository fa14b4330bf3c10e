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

test('the orchestrator template names its worker by the design the gallery offers, no task queue typed: it runs as drawn once both are deployed', async () => {
  const design = (id: string) => TEMPLATES.find((t) => t.id === id)!.design;
  const worker = design('task-worker').name;
  const children = design('orchestrator').nodes.filter((n) => n.type === 'childWorkflow');
  assert.equal(children.length, 2);
  for (const child of children) {
    assert.equal(child.design, worker);
    assert.equal(child.taskQueue, undefined);
  }
  const resolved = await compileDesign(design('orchestrator'), { designs: { [worker]: { taskQueue: 'signalbox-design-w' } } });
  assert.deepEqual(resolved.diagnostics, []);
  const refused = await compileDesign(design('orchestrator'), { designs: {} });
  assert.ok(refused.diagnostics.some((d) => d.code === 'reference.not-deployed' && d.message.includes(JSON.stringify(worker))));
});

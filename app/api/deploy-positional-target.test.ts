/**
 * A caller's child workflow or signal-external to a deployed design that takes separate arguments
 * (the chapter's `run(request_id)`, `approve(approver, comment)`): the deploy knows that from the
 * deployed version, so the caller sends them separately — and a caller whose values do not name
 * those arguments is refused from outside, through the deploy route, naming its node.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Design } from '@/codegen';
import { createDeployment } from '@/db/repository';
import { resolveDesignReferences } from '@/lib/deploy/references';
import { call } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as deploymentsRoute from './deployments/route';
import * as designDeploymentsRoute from './designs/[id]/deployments/route';
import * as designsRoute from './designs/route';

const target = JSON.parse(readFileSync(new URL('../../codegen/__golden__/positional-arguments/design.json', import.meta.url), 'utf8')) as Design;
const at = { x: 0, y: 0 };

/** Signals the target's positional `approve` with the values named `names`. */
function caller(names: string[]): Design {
  return {
    schemaVersion: 1,
    name: 'ApproverWorkflow',
    input: [],
    resultType: 'string',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', label: 'Start', position: at },
      { id: 'approve-it', type: 'signalExternal', label: 'Approve it', design: target.name, workflowId: '"approval-1"', signal: 'approve', args: names.map((name) => ({ name, type: 'string', value: '"Alice"' })), position: at },
      { id: 'end', type: 'end', label: 'Done', outcome: 'complete', result: '"sent"', position: at },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'approve-it' },
      { id: 'e2', source: 'approve-it', target: 'end' },
    ],
  };
}

useInMemoryApp();

/** The target as deployed: its design saved, and an active deployment of that version. */
async function deployTarget(): Promise<void> {
  const { body } = await call(designsRoute.POST, { body: { design: target } });
  await createDeployment({ designId: body.id, version: 1, workflowType: target.name, files: [], bundle: '' });
}

test('the deploy resolves a deployed design with how it takes its input and signals', async () => {
  await deployTarget();
  const resolved = await resolveDesignReferences(caller(['approver']));
  assert.equal(resolved[target.name]?.arguments?.signals.approve?.arguments, 'positional');
  assert.deepEqual(resolved[target.name]?.arguments?.input.fields.map((f) => f.name), ['request_id', 'max_amount']);
});

test('deploying a caller whose values do not name the positional target\'s arguments is 422 naming the node, and records nothing', async () => {
  await deployTarget();
  const { body } = await call(designsRoute.POST, { body: { design: caller(['approverName']) } });
  const refused = await call(designDeploymentsRoute.POST, { body: {}, params: { id: body.id } });
  assert.equal(refused.status, 422);
  const diagnostic = (refused.body.diagnostics as { code: string; nodeId: string; message: string }[]).find((d) => d.code === 'reference.positional-arguments');
  assert.ok(diagnostic, JSON.stringify(refused.body));
  assert.equal(diagnostic.nodeId, 'approve-it');
  assert.match(diagnostic.message, /signal "approve" of "PositionalApprovalWorkflow" takes separate arguments \(approver, comment\) in that order; "approverName" is none of them/);
  assert.deepEqual((await call(deploymentsRoute.GET, { url: `/api/deployments?designId=${body.id}` })).body, { deployments: [] });
});

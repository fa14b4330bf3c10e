/**
 * Deploying an orchestrator whose child workflow refers to a design that is not deployed is
 * refused from outside, through the deploy route, naming that design (issue 16: until child
 * references resolve on their own, nothing is deployed that would start a child nobody serves).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { call } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as deploymentsRoute from './deployments/route';
import * as designDeploymentsRoute from './designs/[id]/deployments/route';
import * as designsRoute from './designs/route';

// The golden orchestrator starts its workers as children (the gallery's, as the chapter's, only signals running ones).
const orchestrator = JSON.parse(readFileSync(new URL('../../codegen/__golden__/orchestrator/design.json', import.meta.url), 'utf8'));

useInMemoryApp();

test('deploying a design whose child refers to an undeployed design is 422 naming it, and records nothing', async () => {
  const { body } = await call(designsRoute.POST, { body: { design: orchestrator } });
  const refused = await call(designDeploymentsRoute.POST, { body: {}, params: { id: body.id } });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.stage, 'validate');
  const notDeployed = (refused.body.diagnostics as { code: string; nodeId: string; message: string }[]).filter((d) => d.code === 'reference.not-deployed');
  assert.ok(notDeployed.some((d) => orchestrator.nodes.find((n: { id: string }) => n.id === d.nodeId)?.type === 'childWorkflow'));
  assert.match(notDeployed[0].message, /refers to the design "TaskWorkerWorkflow", which is not deployed; deploy it first/);
  assert.deepEqual((await call(deploymentsRoute.GET, { url: `/api/deployments?designId=${body.id}` })).body, { deployments: [] });
});

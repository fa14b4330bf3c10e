/**
 * Starting a design that was never deployed: the refusal names the design as people know it
 * (its name), not by its id (issue 13, "names instead of ids").
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { call } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as designsRoute from './designs/route';
import * as executionsRoute from './executions/route';

const approval = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

useInMemoryApp();

test('starting a never-deployed design is 422 naming the design, not its id', async () => {
  const created = await call(designsRoute.POST, { body: { design: { ...approval, name: 'Expense approval' } } });
  const id: string = created.body.id;
  const refused = await call(executionsRoute.POST, { body: { designId: id, input: { requestId: 'r' } } });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.error.code, 'design.not-deployed');
  assert.equal(refused.body.error.message, 'The design "Expense approval" has no active deployment: deploy it first');
  assert.ok(!refused.body.error.message.includes(id), 'the message does not show the id');
});

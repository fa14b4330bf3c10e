import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DesignSchema, type Design } from '@/codegen/design';
import { applyPatch } from '@/lib/designs/patch';
import { ApiError } from '../api/client';
import { compileRequestBody, requestCompile } from './compile-request';
import { designToFlow, flowToDesign } from './convert';

const approval: Design = DesignSchema.parse(JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')));

test('the first request carries the whole design; after an answer, a keystroke carries only the edited node', () => {
  const flow = designToFlow(approval);
  const first = flowToDesign(flow);
  assert.deepEqual(compileRequestBody('ed-123456', 1, first, null), { editor: 'ed-123456', seq: 1, design: first });

  // A keystroke in one node's label, as the store makes it: a new node object, everything else kept.
  const typed = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'is-approved' ? ({ ...n, data: { ...n.data, label: 'Approved?!' } } as typeof n) : n)) };
  const second = flowToDesign(typed);
  const body = compileRequestBody('ed-123456', 2, second, { seq: 1, design: first });
  assert.ok('patch' in body);
  assert.equal(body.base, 1);
  assert.deepEqual(Object.keys(body.patch), ['nodes']);
  assert.deepEqual(body.patch.nodes!.map((n: { id: string }) => n.id), ['is-approved']);
  assert.deepStrictEqual(applyPatch(first, body.patch), second);
  assert.ok(JSON.stringify(body).length < JSON.stringify(second).length / 5);
});

test('when the server no longer has the base, the same request is sent again with the whole design', async () => {
  const design = flowToDesign(designToFlow(approval));
  const sent: unknown[] = [];
  const answer = { ok: true, diagnostics: [], files: [], kept: true };
  const send = async (body: unknown) => {
    sent.push(body);
    if (sent.length === 1) throw new ApiError('gone', 409, 'compile.base-unknown');
    return answer;
  };
  assert.equal(await requestCompile(send, 'ed-123456', 7, design, { seq: 6, design }), answer);
  assert.deepEqual(sent, [{ editor: 'ed-123456', seq: 7, base: 6, patch: {} }, { editor: 'ed-123456', seq: 7, design }]);
  // Other failures are the caller's to show.
  await assert.rejects(requestCompile(async () => { throw new ApiError('down', 503, 'temporal.unavailable'); }, 'ed-123456', 8, design, { seq: 7, design }), /down/);
});

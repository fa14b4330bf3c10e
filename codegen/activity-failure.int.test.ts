/**
 * Failures as paths, on a real Temporal server: the golden activity-failure (ChargeBatchWorkflow)
 * charges items through the built-in http activity against a local server that declines some.
 * - a 500 is retried (maximumAttempts 2), then the "failure" output runs with the
 *   ApplicationFailure's type and message in scope, and the batch goes on;
 * - a 402 is non-retryable: one attempt, then the same path;
 * - the result and the lastFailure / failed queries show what failed.
 * Needs TEMPORAL_ADDRESS (. /work/devsvc/env).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { nanoid } from 'nanoid';
import { goldenDesign } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

const skip = !process.env.TEMPORAL_ADDRESS ? 'TEMPORAL_ADDRESS is not set' : false;

let env: TestWorker | undefined;
let server: Server;
let endpoint: string;
/** How often each item was attempted, and how the server answers it. */
const attempts = new Map<string, number>();
const answers: Record<string, { status: number; text: string }> = {
  'item-2': { status: 500, text: 'card processor down' },
  'item-4': { status: 402, text: 'card declined' },
};

before(async () => {
  if (skip) return;
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      attempts.set(body, (attempts.get(body) ?? 0) + 1);
      const answer = answers[body] ?? { status: 200, text: 'charged' };
      response.statusCode = answer.status;
      response.end(answer.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/charge`;
  env = await startTestWorker(goldenDesign('activity-failure'));
});

after(async () => {
  await env?.stop();
  server?.close();
});

test('a charge that fails after its retries takes the failure path with its type and message, and the batch goes on', { skip }, async () => {
  const handle = await env!.client.workflow.start('ChargeBatchWorkflow', {
    taskQueue: env!.taskQueue,
    workflowId: `charge-batch-${nanoid(6)}`,
    args: [{ endpoint, items: 5 }],
  });
  const result = await handle.result();
  assert.equal(result, `3 charged, 2 failed (last: HttpClientError: POST ${endpoint} answered 402: card declined)`);
  assert.equal(await handle.query('failed'), 2);
  assert.equal(await handle.query('lastFailure'), `HttpClientError: POST ${endpoint} answered 402: card declined`);
  // The retryable server error used both attempts of its policy; the client error only one.
  assert.equal(attempts.get('item-2'), 2);
  assert.equal(attempts.get('item-4'), 1);
  assert.equal(attempts.get('item-5'), 1);
});

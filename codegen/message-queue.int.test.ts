import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { nanoid } from 'nanoid';
import { goldenDesign } from './testing/fixtures';
import { startTestWorker, type TestWorker } from './testing/worker';

/**
 * The message-queue pattern of 6.4.5 on a real Temporal server: signals only queue, the main flow
 * drains the queue in order through the built-in http activity (response stored in a variable).
 */
let env: TestWorker;
let server: Server;
let endpoint: string;
const received: string[] = [];

before(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(body);
      response.end(`ok:${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`;
  env = await startTestWorker(goldenDesign('message-queue'));
});

after(async () => {
  await env?.stop();
  server?.close();
});

test('messages signalled back to back are posted one at a time, in the order sent', async () => {
  const handle = await env.client.workflow.start('MessageQueueWorkflow', { taskQueue: env.taskQueue, workflowId: `queue-${nanoid(6)}`, args: [{ endpoint }] });
  const messages = ['m1', 'm2', 'm3', 'm4', 'm5'];
  for (const message of messages) await handle.signal('addMessage', { message });
  await handle.signal('shutdown');
  assert.equal(await handle.result(), 'Processed 5 message(s)');
  assert.deepEqual(received, messages);
  assert.deepEqual(await handle.query('answers'), messages.map((m) => `ok:${m}`));
});

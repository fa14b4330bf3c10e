/** The notify activity's work: in-app rows, the stale mark, and the webhook (signed, retried a bounded number of times). */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createDb, type DbHandle } from '@/db/client';
import { createUser } from '@/db/repository';
import { notifyDelivery, WEBHOOK_ATTEMPTS, WebhookRetry } from './deliver';
import { RecipientError } from './recipients';
import { listFor } from './store';
import { signature, webhookFromEnv, WebhookConfigError } from './webhook';

let handle: DbHandle;
let server: Server;
let url = '';
const received: { body: string; signature: string | undefined }[] = [];
let answer = 200;

before(async () => {
  handle = createDb({ pglite: 'memory://' });
  await handle.migrate();
  // A real account: a role's notifications reach those who held the role when they were sent.
  reader.id = (await createUser({ db: handle.db, user: { username: 'ann', displayName: 'Ann', passwordHash: null, roles: ['approver'] } })).id;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ body, signature: req.headers['x-signalbox-signature'] as string | undefined });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
});

const reader = { id: '', username: 'ann', roles: ['approver'] };

test('webhook settings from the environment: off without a URL, a bad one named', () => {
  assert.equal(webhookFromEnv({}), null);
  assert.deepEqual(webhookFromEnv({ SIGNALBOX_NOTIFY_WEBHOOK_URL: 'https://chat.example/hook', SIGNALBOX_NOTIFY_WEBHOOK_SECRET: 's3' }), { url: 'https://chat.example/hook', secret: 's3' });
  assert.throws(() => webhookFromEnv({ SIGNALBOX_NOTIFY_WEBHOOK_URL: 'ftp://x' }), (e: Error) => e instanceof WebhookConfigError && /must be http\(s\)/.test(e.message));
  assert.throws(() => webhookFromEnv({ SIGNALBOX_NOTIFY_WEBHOOK_URL: 'not a url' }), /SIGNALBOX_NOTIFY_WEBHOOK_URL is not a URL/);
});

test('without a webhook: in-app rows only; a bad recipient is refused before anything is written', async () => {
  const done = await notifyDelivery({ db: handle.db, webhook: null }, { recipient: 'ann', message: 'hello', workflowId: 'wf-a', sourceKey: 'r/1', attempt: 1 });
  assert.deepEqual(done, { added: 1, webhook: 'off' });
  await assert.rejects(notifyDelivery({ db: handle.db, webhook: null }, { recipient: 'role:ceo', message: 'x', workflowId: null, sourceKey: 'r/2', attempt: 1 }), RecipientError);
  assert.deepEqual((await listFor(handle.db, reader)).map((n) => n.message), ['hello']);
});

test('with a webhook: a signed JSON POST; a 5xx is retried (no second in-app row) and given up after the last attempt', async () => {
  const webhook = { url, secret: 'topsecret' };
  const input = { recipient: 'role:approver, bob', message: 'level open', workflowId: 'wf-b', sourceKey: 'run-b/3', attempt: 1 };
  assert.deepEqual(await notifyDelivery({ db: handle.db, webhook }, input), { added: 2, webhook: 'delivered', status: 200 });
  const sent = received.at(-1)!;
  assert.equal(sent.signature, signature('topsecret', sent.body), 'signed with the secret');
  const payload = JSON.parse(sent.body);
  assert.deepEqual([payload.id, payload.recipients, payload.message, payload.path], ['run-b/3', ['role:approver', 'user:bob'], 'level open', '/executions/wf-b']);

  answer = 503;
  await assert.rejects(notifyDelivery({ db: handle.db, webhook }, { ...input, attempt: 2 }), (e: Error) => e instanceof WebhookRetry && /503/.test(e.message));
  assert.deepEqual(await notifyDelivery({ db: handle.db, webhook }, { ...input, attempt: WEBHOOK_ATTEMPTS }), { added: 0, webhook: 'given up', status: 503 }, 'no duplicate row, and the process moves on');
  answer = 404;
  assert.deepEqual(await notifyDelivery({ db: handle.db, webhook }, { ...input, sourceKey: 'run-b/4' }), { added: 2, webhook: 'refused', status: 404 }, 'a 4xx is not retried');
  assert.equal((await listFor(handle.db, reader)).filter((n) => n.message === 'level open').length, 2);
});

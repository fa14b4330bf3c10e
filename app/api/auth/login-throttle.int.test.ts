/**
 * Two web instances (this process and a child process, each with its own pool) on one PostgreSQL
 * database enforce one sign-in limit: the failures counted by either block both.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { closeDb } from '@/db/client';
import { migrateDatabase } from '@/testing/database';
import { createTestDatabase } from '@/testing/stack';
import { PEER_HEADER, peerHeaderValue } from '@/lib/auth/client-address';
import { POST as login } from './login/route';

const serverUrl = process.env.TEST_DATABASE_URL;
const skip = serverUrl ? false : 'TEST_DATABASE_URL is not set';
const run = promisify(execFile);
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let databaseUrl = '';

// This file's own database on the test server, migrated, used by both instances.
before(async () => {
  if (!serverUrl) return;
  database = await createTestDatabase(serverUrl, 'throttle');
  databaseUrl = database.url;
  await migrateDatabase(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
});
after(async () => {
  await closeDb();
  await database?.drop().catch(() => undefined);
});

async function attempt(username: string, peer: string): Promise<number> {
  const response = await (login as (r: Request) => Promise<Response>)(
    new Request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'sec-fetch-site': 'same-origin', [PEER_HEADER]: peerHeaderValue(peer) },
      body: JSON.stringify({ username, password: 'instance one guess' }),
    }),
  );
  return response.status;
}

test('failures counted by another instance block this one (one limit in the database)', { skip, timeout: 120_000 }, async () => {
  const username = 'throttled';
  const peer = '198.51.100.123';
  assert.equal(await attempt(username, peer), 401, 'instance one: failure 1');
  const child = await run(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../../testing/login-instance.ts', import.meta.url)), username, peer, '3'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  assert.deepEqual(JSON.parse(child.stdout.trim().split('\n').at(-1)!), [401, 401, 401], 'instance two: failures 2–4');
  assert.equal(await attempt(username, peer), 401, 'instance one: failure 5');
  assert.equal(await attempt(username, peer), 429, 'instance one: blocked by the count both instances made');
  const again = await run(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../../testing/login-instance.ts', import.meta.url)), username, peer, '1'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  assert.deepEqual(JSON.parse(again.stdout.trim().split('\n').at(-1)!), [429], 'instance two: blocked too');
});

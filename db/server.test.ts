/**
 * The embedded database served over the wire protocol (db/server.ts), from outside: only the
 * right user and password get in (the real psql and node-postgres), the password file is its
 * owner's only, the port listens on loopback only; migrations, two client processes with five
 * pooled connections each saving versions of one design concurrently, and a transaction left
 * open by a client that disconnects.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { serveUnmigratedInMemoryDatabase, type UnmigratedServedDatabase } from '@/testing/database';
import { createDb } from './client';
import { embeddedDatabaseUrl, pglitePasswordFile } from './credentials';
import { createDesign, getDesign } from './repository';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const PSQL = process.env.PSQL ?? '/usr/bin/psql';
const noPsql = existsSync(PSQL) ? false : `no psql at ${PSQL} (set PSQL)`;

let served: UnmigratedServedDatabase;
let url = '';

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The real psql, non-interactive (-w: never prompt), password through PGPASSWORD. */
function psql(user: string, password: string, sql = 'select 1'): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const args = ['-w', '-X', '-A', '-t', '-h', '127.0.0.1', '-p', String(served.port), '-U', user, '-d', 'postgres', '-c', sql];
    const env = { ...process.env, PGPASSWORD: password, PGSSLMODE: 'disable', PGCONNECT_TIMEOUT: '10' };
    execFile(PSQL, args, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

before(async () => {
  served = await serveUnmigratedInMemoryDatabase();
  url = served.url;
  const migrated = await run(['db/migrate.ts'], { DATABASE_URL: url });
  assert.equal(migrated.code, 0, migrated.stderr);
});

after(async () => {
  await served?.stop();
});

test('psql: a wrong password is refused', { skip: noPsql }, async () => {
  const result = await psql('postgres', `${served.password}x`);
  assert.notEqual(result.code, 0, result.stdout);
  assert.match(result.stderr, /password authentication failed for user "postgres"/);
  assert.doesNotMatch(result.stdout, /1/);
});

test('psql: an unknown user is refused, even with the right password', { skip: noPsql }, async () => {
  const result = await psql('anyone', served.password);
  assert.notEqual(result.code, 0, result.stdout);
  assert.match(result.stderr, /password authentication failed for user "anyone"/);
});

test('psql: no password is refused', { skip: noPsql }, async () => {
  const result = await psql('postgres', '');
  assert.notEqual(result.code, 0, result.stdout);
  assert.match(result.stderr, /password/);
});

test('psql: the right user and password log in and run a query', { skip: noPsql }, async () => {
  const result = await psql('postgres', served.password, 'select 41 + 1');
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout.trim(), '42');
});

test('node-postgres: the right password logs in; a wrong one or an unknown user is refused (28P01)', async () => {
  const right = new pg.Client({ connectionString: url });
  await right.connect();
  try {
    assert.deepEqual((await right.query('select 1 as n')).rows, [{ n: 1 }]);
  } finally {
    await right.end();
  }
  const refused = [
    embeddedDatabaseUrl({ host: '127.0.0.1', port: served.port, password: 'postgres' }),
    url.replace('postgres://postgres:', 'postgres://anyone:'),
  ];
  for (const attempt of refused) {
    const client = new pg.Client({ connectionString: attempt });
    await assert.rejects(client.connect(), (error: Error & { code?: string }) => {
      assert.equal(error.code, '28P01');
      assert.match(error.message, /password authentication failed/);
      return true;
    });
  }
});

test('a raw client that skips the password exchange and sends a query gets an error, not rows', async () => {
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length, 0);
  startup.writeInt32BE(196608, 4);
  const sql = Buffer.from('select 1\0');
  const query = Buffer.alloc(5);
  query.write('Q', 0, 'latin1');
  query.writeInt32BE(4 + sql.length, 1);
  const answer = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port: served.port }, () => socket.write(Buffer.concat([startup, params, query, sql])));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.setTimeout(10_000, () => socket.destroy(new Error('the server kept the connection open')));
  });
  const types: string[] = [];
  for (let at = 0; at + 5 <= answer.length; at += 1 + answer.readInt32BE(at + 1)) types.push(String.fromCharCode(answer[at]!));
  assert.deepEqual(types, ['R', 'E'], 'an authentication request, then the refusal; no AuthenticationOk, no rows');
  assert.equal(answer.readInt32BE(5), 10, 'AuthenticationSASL');
  assert.match(answer.toString('latin1'), /C08P01\0Mexpected a password message/);
});

test('the password file is readable by its owner only (0600)', () => {
  const mode = statSync(pglitePasswordFile(served.dataDir)).mode & 0o777;
  assert.equal(mode.toString(8), '600');
  assert.match(served.password, /^[A-Za-z0-9_-]{43}$/, '256 random bits, base64url');
});

test('the port listens on loopback only', async () => {
  const elsewhere = Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal)
    .map((address) => address!.address);
  const tried = [...elsewhere, '::1'];
  for (const host of tried) {
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host, port: served.port, timeout: 3_000 });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve('timeout');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    assert.notEqual(outcome, 'connected', `the database port answers on ${host}`);
  }
});

test('two processes with pooled connections save versions concurrently', async () => {
  const handle = createDb({ url });
  try {
    const { id } = await createDesign({ db: handle.db, design: example });
    const rounds = 10;
    const [a, b] = await Promise.all([
      run(['testing/server-load.ts', id, String(rounds)], { DATABASE_URL: url }),
      run(['testing/server-load.ts', id, String(rounds)], { DATABASE_URL: url }),
    ]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const versions = [...JSON.parse(a.stdout).versions, ...JSON.parse(b.stdout).versions].sort((x, y) => x - y);
    assert.deepEqual(versions, Array.from({ length: 4 * rounds }, (_, i) => i + 2));
    const detail = await getDesign({ db: handle.db, id });
    assert.equal(detail?.latestVersion, 4 * rounds + 1);
  } finally {
    await handle.close();
  }
});

test('a transaction left open by a client that disconnects is rolled back; others go on', async () => {
  const a = new pg.Client({ connectionString: url });
  const b = new pg.Client({ connectionString: url });
  a.on('error', () => {}); // a is cut off on purpose below
  await a.connect();
  await b.connect();
  try {
    await b.query('create table if not exists wire_test (n int)');
    await a.query('begin');
    await a.query('insert into wire_test values ($1)', [1]);
    // b waits while a holds the transaction…
    const pending = b.query('select count(*)::int as n from wire_test');
    await new Promise((r) => setTimeout(r, 100));
    a.connection.stream.destroy();
    // …and sees nothing of it once a is gone.
    const { rows } = await pending;
    assert.equal(rows[0].n, 0);
  } finally {
    await a.end().catch(() => {});
    await b.end();
  }
});

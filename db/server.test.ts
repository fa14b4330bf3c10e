/**
 * The embedded database served over the wire protocol (db/server.ts): migrations, two client
 * processes with five pooled connections each saving versions of one design concurrently, and a
 * transaction left open by a client that disconnects.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb } from './client';
import { createDesign, getDesign } from './repository';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = JSON.parse(readFileSync(new URL('../examples/approval.json', import.meta.url), 'utf8'));

let server: ChildProcess;
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

before(async () => {
  server = spawn(process.execPath, ['--import', 'tsx', 'db/server.ts'], {
    cwd: root,
    env: { ...process.env, SIGNALBOX_PGLITE_DIR: 'memory://', SIGNALBOX_PGLITE_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`db server did not start: ${out}`)), 30_000);
    server.stdout!.on('data', (d) => {
      out += d;
      const match = /listening on (postgres:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`db server exited with ${code}: ${out}`)));
  });
  const migrated = await run(['db/migrate.ts'], { DATABASE_URL: url });
  assert.equal(migrated.code, 0, migrated.stderr);
});

after(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
});

test('two processes with pooled connections save versions concurrently', async () => {
  const handle = createDb({ url });
  try {
    const { id } = await createDesign({ db: handle.db, design: example });
    const rounds = 10;
    const [a, b] = await Promise.all([
      run(['db/server-load.fixture.ts', id, String(rounds)], { DATABASE_URL: url }),
      run(['db/server-load.fixture.ts', id, String(rounds)], { DATABASE_URL: url }),
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

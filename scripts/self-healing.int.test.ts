/**
 * A stack that heals itself, from outside (issue 15): `node --import tsx scripts/start.ts`, as
 * `npm start` runs it, on its own ports and data directory, with approval executions waiting on a
 * signal and executions waiting on timers. The worker host, the web server, the database server and
 * the Temporal dev server are SIGKILLed in turn (as the OOM killer would): the others keep
 * answering, the killed one is back within 10 s, and every execution completes with its own
 * signal's value — the signals sent while the worker host was down included.
 *
 * Run it under the e2e lock (it uses the .next build, and builds when there is none):
 *   flock /work/devsvc/e2e.lock node --import tsx --test scripts/self-healing.int.test.ts
 * Recovery times are printed (and reported in docs/operations.md, "Supervision").
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { projectDir } from '@/testing/processes';

const skip = process.env.TEMPORAL_CLI || process.env.TEMPORAL_ADDRESS ? false : 'no temporal CLI (TEMPORAL_CLI) here';
// Not the e2e ports (3100, 7300, 8300, 5500, 3101), not the dev ones (3000, 7233, 8233, 5433, 3001).
const ports = { web: 3270, temporal: 7470, temporalUi: 8470, db: 5670, worker: 3271 };
const dataDir = '.data-test-self-healing';
const base = `http://127.0.0.1:${ports.web}`;
const admin = { username: 'healer', password: 'self-healing-test-password-1' };
const RECOVERY_LIMIT_MS = 10_000;

const approval = JSON.parse(readFileSync(join(projectDir, 'testing/fixtures/approval-record.json'), 'utf8'));
/** start → a timer → end: an execution that only waits on a timer. */
const pause = (seconds: number) => ({
  schemaVersion: 1,
  name: 'HealingPause',
  input: [{ name: 'tag', type: 'string', required: true }],
  resultType: 'string',
  variables: [],
  nodes: [
    { id: 'start', type: 'start', label: 'Start', position: { x: 0, y: 0 } },
    { id: 'pause', type: 'timer', label: 'Pause', duration: { amount: seconds, unit: 'seconds' }, position: { x: 0, y: 100 } },
    { id: 'done', type: 'end', label: 'Done', outcome: 'complete', result: '"paused " + input.tag', position: { x: 0, y: 200 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'pause' },
    { id: 'e2', source: 'pause', target: 'done' },
  ],
});

let stack: ChildProcess | null = null;
const output: string[] = [];
let token = '';
let temporal: Client | null = null;
let db: pg.Pool | null = null;
const recoveries: Array<{ service: string; ms: number }> = [];

function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    for (;;) {
      if (output.some((line) => pattern.test(line))) return;
      if (stack?.exitCode !== null) throw new Error(`start.ts exited (${stack?.exitCode}) before ${pattern}:\n${output.slice(-40).join('\n')}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${output.slice(-40).join('\n')}`);
      await sleep(200);
    }
  })();
}

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

/** The supervisor's direct child serving `service` (its command line says which). */
function pidOf(service: keyof typeof commandOf): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== stack?.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (commandOf[service].test(cmdline)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no ${service} process under start.ts (pid ${stack?.pid})`);
}
const commandOf = { worker: /worker\/main\.ts/, web: /next start|next-server/, db: /db\/server\.ts/, temporal: /server start-dev/ };

/** Whether each service answers right now, asked directly (not through another service). */
async function answering(): Promise<Record<keyof typeof commandOf, boolean>> {
  const ok = async (check: () => Promise<unknown>) => check().then(() => true, () => false);
  const [web, worker, database, server] = await Promise.all([
    ok(async () => (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) })).status),
    ok(async () => assert.equal((await fetch(`http://127.0.0.1:${ports.worker}/healthz`, { signal: AbortSignal.timeout(5_000) })).status, 200)),
    ok(async () => db!.query('select 1')),
    ok(async () => temporal!.connection.withDeadline(Date.now() + 5_000, () => temporal!.workflowService.describeNamespace({ namespace: 'default' }))),
  ]);
  return { web, worker, db: database, temporal: server };
}

/** Is the killed service serving again? The worker host: /readyz (its workers run again); the others: as in answering(). */
async function back(service: keyof typeof commandOf): Promise<boolean> {
  if (service === 'worker') {
    return fetch(`http://127.0.0.1:${ports.worker}/readyz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status === 200, () => false);
  }
  return (await answering())[service];
}

/** SIGKILLs the service, checks the others keep answering until it is back, returns how long that took. */
async function killAndRecover(service: keyof typeof commandOf, whileDown: () => Promise<void> = async () => {}): Promise<number> {
  const pid = pidOf(service);
  const killedAt = Date.now();
  process.kill(pid, 'SIGKILL');
  await sleep(200);
  await whileDown();
  let recoveredAt = 0;
  while (!recoveredAt) {
    const now = await answering();
    for (const other of Object.keys(now) as Array<keyof typeof now>) {
      if (other !== service) assert.ok(now[other], `${other} stopped answering while ${service} was down`);
    }
    if (await back(service)) recoveredAt = Date.now();
    else if (Date.now() - killedAt > 60_000) assert.fail(`${service} not back after 60 s:\n${output.slice(-40).join('\n')}`);
    else await sleep(100);
  }
  assert.notEqual(pidOf(service), pid, `${service} runs in a new process`);
  const ms = recoveredAt - killedAt;
  recoveries.push({ service, ms });
  return ms;
}

before(async () => {
  if (skip) return;
  rmSync(join(projectDir, dataDir), { recursive: true, force: true });
  const reuseBuild = existsSync(join(projectDir, '.next/BUILD_ID'));
  stack = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: projectDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(ports.web),
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.temporalUi),
      SIGNALBOX_PGLITE_PORT: String(ports.db),
      WORKER_HEALTH_PORT: String(ports.worker),
      SIGNALBOX_DATA_DIR: dataDir,
      SIGNALBOX_RESET_DATA: '1',
      SIGNALBOX_SKIP_BUILD: reuseBuild ? '1' : '',
      SIGNALBOX_ADMIN_USERNAME: admin.username,
      SIGNALBOX_ADMIN_PASSWORD: admin.password,
      // The embedded services, whatever the test environment points at.
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      NO_COLOR: '1',
    },
  });
  for (const stream of [stack.stdout, stack.stderr]) {
    let buffer = '';
    stream!.setEncoding('utf8');
    stream!.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      output.push(...lines);
      if (process.env.SELF_HEALING_VERBOSE) for (const line of lines) process.stderr.write(`${line}\n`);
    });
  }
  await waitForOutput(/all services up/, 15 * 60_000);

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(admin),
  });
  assert.equal(login.status, 200, await login.clone().text());
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const issued = await fetch(`${base}/api/admin/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie },
    body: JSON.stringify({ name: 'self-healing test' }),
  });
  assert.equal(issued.status, 201, await issued.clone().text());
  token = ((await issued.json()) as { secret: string }).secret;

  temporal = new Client({ connection: await Connection.connect({ address: `127.0.0.1:${ports.temporal}` }) });
  const password = readFileSync(join(projectDir, dataDir, 'pglite-password'), 'utf8').trim();
  db = new pg.Pool({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${ports.db}/postgres`, max: 1 });
  db.on('error', () => undefined); // its connection dies with the database server: the next query reconnects
});

after(async () => {
  await temporal?.connection.close().catch(() => {});
  await db?.end().catch(() => {});
  if (stack && stack.exitCode === null) {
    const exited = new Promise((resolve) => stack!.once('exit', resolve));
    stack.kill('SIGTERM');
    await exited;
  }
  if (recoveries.length > 0) process.stdout.write(`# recovery times: ${recoveries.map((r) => `${r.service} ${(r.ms / 1000).toFixed(1)} s`).join(', ')}\n`);
  rmSync(join(projectDir, dataDir), { recursive: true, force: true });
});

test('SIGKILL of the worker host, the web server, the database and Temporal in turn: each is back within 10 s, the rest keep answering, every execution completes with its signal', { skip, timeout: 20 * 60_000 }, async () => {
  const deploy = async (design: unknown) => {
    const created = await api('POST', '/api/designs', { design });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    const deployed = await api('POST', `/api/designs/${id}/deployments`, {});
    assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
    return id;
  };
  const approvalId = await deploy(approval);
  const pauseId = await deploy(pause(15));

  const phases = ['worker', 'web', 'db', 'temporal'] as const;
  const waiting: Record<(typeof phases)[number], string[]> = { worker: [], web: [], db: [], temporal: [] };
  const timed: string[] = [];
  for (const phase of phases) {
    for (let i = 0; i < 3; i++) {
      const started = await api('POST', '/api/executions', { designId: approvalId, workflowId: `heal-${phase}-${i}`, input: { requestId: `${phase}-${i}` } });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      waiting[phase].push(started.body.workflowId as string);
    }
  }
  const startTimers = async (label: string) => {
    for (let i = 0; i < 2; i++) {
      const started = await api('POST', '/api/executions', { designId: pauseId, workflowId: `heal-timer-${label}-${i}`, input: { tag: `${label}-${i}` } });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      timed.push(started.body.workflowId as string);
    }
  };
  const decision = (workflowId: string) => ({ approverName: `Approver of ${workflowId}`, approved: true, comment: '' });
  const signalThroughApi = async (ids: string[]) => {
    for (const id of ids) {
      const sent = await api('POST', `/api/executions/${id}/signals/approve`, { args: decision(id) });
      assert.equal(sent.status, 202, JSON.stringify(sent.body));
    }
  };

  // 1. The worker host: signals sent while it is down wait in the histories, the timers fire meanwhile.
  await startTimers('worker');
  const worker = await killAndRecover('worker', () => signalThroughApi(waiting.worker));
  // 2. The web server: Temporal takes signals directly meanwhile.
  await startTimers('web');
  const web = await killAndRecover('web', async () => {
    for (const id of waiting.web) await temporal!.workflow.getHandle(id).signal('approve', decision(id));
  });
  // 3. The database server, then 4. the Temporal dev server: the API takes the signals once they are back.
  await startTimers('db');
  const database = await killAndRecover('db');
  await signalThroughApi(waiting.db);
  await startTimers('temporal');
  const server = await killAndRecover('temporal');
  await signalThroughApi(waiting.temporal);

  for (const [service, ms] of Object.entries({ worker, web, db: database, temporal: server })) {
    assert.ok(ms <= RECOVERY_LIMIT_MS, `${service} was back after ${ms} ms (limit ${RECOVERY_LIMIT_MS} ms)`);
  }
  for (const service of phases) assert.ok(output.some((line) => new RegExp(`${service} was killed by SIGKILL unexpectedly after .*: restarting in`).test(line)), `the restart of ${service} is logged with its cause`);

  for (const id of phases.flatMap((phase) => waiting[phase])) {
    assert.equal(await temporal!.workflow.getHandle(id).result(), `Request approved by Approver of ${id}`, `${id} got its own signal`);
  }
  for (const id of timed) assert.match(await temporal!.workflow.getHandle(id).result(), /^paused /);
});

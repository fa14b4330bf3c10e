/**
 * Hostile strings never half-apply (issue 10, finding 7). Every state-changing route, found by
 * walking app/api, is fed NUL characters, lone surrogates, bidi overrides, 100 000-character and
 * 1 MB strings in every string field, object key and route parameter, signed in with every role.
 * Whatever it answers, it is never a 500; NUL and lone surrogates are refused with 400 naming
 * the field (PostgreSQL stores neither); bidi controls and 100 000 characters in names shown to
 * others are refused the same way; 1 MB strings are 400 or 413 — and an input refusal (400,
 * 413) has written nothing (no row in any table, no audit entry). Runs on the in-memory app
 * (Temporal unreachable), so the answer to an accepted body is often 503/404: what matters is
 * that a refusal comes first.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import fc from 'fast-check';
import { getDb } from '@/db/client';
import { createUser } from '@/db/repository';
import { apiRoutes, call, testSessionCookie, type HttpMethod } from '@/testing/api';
import { ROLES } from '@/lib/auth/roles';
import { TemporalUnavailableError } from '@/lib/temporal-client';
import { useInMemoryApp } from '@/testing/in-memory-app';

useInMemoryApp();

const approvalDesign = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8')) as Record<string, unknown>;
/** A design that fails the schema at once: compile and verify answer diagnostics without type-checking. */
const tinyDesign = { name: 'Tiny', description: 'a design', nodes: [{ id: 'start', label: 'Start' }] };
/** No levels: refused by the spec's own check, so an accepted string never starts a deploy (type-check and bundle take seconds). */
const processSpec = {
  name: 'Laptop',
  fields: [{ name: 'model', type: 'string', required: true }],
  levels: [],
};

interface Template {
  params?: Record<string, string>;
  body?: Record<string, unknown>;
  /** Paths (as in the answer's `field`) of names shown to other users: bidi controls are refused there. */
  names?: string[];
}

/** Every state-changing route with a plausible input; `null` = it takes no input at all. */
function templates(ids: { userId: string; designId: string }): Record<string, Template | null> {
  const password = 'vN7#qT2!mX9@rL4$wK';
  return {
    'POST /api/admin/users': { body: { username: 'hostile-new', displayName: 'New Person', password, roles: ['viewer'] }, names: ['username', 'displayName'] },
    'PATCH /api/admin/users/[id]': { params: { id: ids.userId }, body: { displayName: 'Renamed' }, names: ['displayName'] },
    'POST /api/admin/users/[id]/password': { params: { id: ids.userId }, body: { password } },
    'POST /api/admin/tokens': { body: { name: 'ci token', userId: ids.userId }, names: ['name'] },
    'DELETE /api/admin/tokens/[id]': { params: { id: 'no-such-token' } },
    'POST /api/auth/login': { body: { username: 'nobody-here', password } },
    'POST /api/auth/logout': null,
    'POST /api/auth/password': { body: { currentPassword: 'not the password', newPassword: password } },
    'POST /api/auth/setup': { body: { username: 'first-admin', displayName: 'First Admin', password }, names: ['username', 'displayName'] },
    'POST /api/compile': { body: { design: tinyDesign, editor: 'editor-0001', seq: 1 } },
    'POST /api/deployments/[id]/rollback': { params: { id: 'no-such-deployment' } },
    'POST /api/designs': { body: { design: approvalDesign }, names: ['design.name'] },
    'POST /api/designs/[id]/versions': { params: { id: ids.designId }, body: { design: approvalDesign, message: 'First version' }, names: ['design.name', 'message'] },
    'PUT /api/designs/[id]/draft': { params: { id: ids.designId }, body: { design: approvalDesign, baseVersion: 1 }, names: ['design.name'] },
    'DELETE /api/designs/[id]/draft': { params: { id: ids.designId } },
    'POST /api/designs/[id]/deployments': { params: { id: 'no-such-design' }, body: { version: 1 } },
    'POST /api/designs/[id]/versioning/promote': { params: { id: 'no-such-design' }, body: { deploymentId: 'no-such-deployment' } },
    'POST /api/designs/[id]/versioning/ramp': { params: { id: 'no-such-design' }, body: { deploymentId: 'no-such-deployment', percentage: 10 } },
    'DELETE /api/designs/[id]/versioning/ramp': { params: { id: 'no-such-design' } },
    'PUT /api/designs/[id]/versioning/behaviour': { params: { id: 'no-such-design' }, body: { behavior: 'pinned' } },
    'POST /api/executions': { body: { designId: 'no-such-design', workflowId: 'wf-1', input: { amount: '10' } } },
    'POST /api/executions/signal-with-start': { body: { designId: 'no-such-design', workflowId: 'wf-1', signal: 'approve', args: { comment: 'ok' } } },
    'POST /api/executions/update-with-start': { body: { designId: 'no-such-design', workflowId: 'wf-1', update: 'decide', args: { comment: 'ok' } } },
    'POST /api/executions/bulk': { body: { action: 'terminate', workflowIds: ['wf-1'], reason: 'done' } },
    'POST /api/executions/[workflowId]/cancel': { params: { workflowId: 'wf-1' } },
    'POST /api/executions/[workflowId]/terminate': { params: { workflowId: 'wf-1' }, body: { reason: 'done' } },
    'POST /api/executions/[workflowId]/reset': { params: { workflowId: 'wf-1' }, body: { reason: 'again' } },
    'POST /api/executions/[workflowId]/signals/[name]': { params: { workflowId: 'wf-1', name: 'approve' }, body: { args: { comment: 'ok' } } },
    'POST /api/executions/[workflowId]/updates/[name]': { params: { workflowId: 'wf-1', name: 'change' }, body: { args: { comment: 'ok' } } },
    'POST /api/executions/[workflowId]/queries/[name]': { params: { workflowId: 'wf-1', name: 'status' }, body: { args: { detail: 'all' } } },
    'POST /api/groups': { body: { name: 'hostile-group', displayName: 'Hostile Group', members: [] }, names: ['name', 'displayName'] },
    'PUT /api/groups/[name]': { params: { name: 'no-such-group' }, body: { displayName: 'Renamed' }, names: ['displayName'] },
    'DELETE /api/groups/[name]': { params: { name: 'no-such-group' } },
    'POST /api/groups/[name]/members': { params: { name: 'no-such-group' }, body: { username: 'nobody-here' } },
    'DELETE /api/groups/[name]/members': { params: { name: 'no-such-group' } },
    'POST /api/inbox/[workflowId]/decision': { params: { workflowId: 'wf-1' }, body: { approve: true, comment: 'looks fine', level: 1 } },
    'POST /api/notifications/read': { body: { ids: [1] } },
    'POST /api/processes': { body: { spec: processSpec } },
    'PUT /api/processes/[id]': { params: { id: 'no-such-process' }, body: { spec: processSpec } },
    'POST /api/requests': { body: { processId: 'no-such-process', fields: { purpose: 'a laptop' } } },
    'POST /api/verify': { body: { design: tinyDesign } },
  };
}

const STATE_CHANGING: HttpMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Where a hostile string goes: a string value, an object key (at `path`, the object's), or a route parameter. */
type Target = { kind: 'value'; path: (string | number)[] } | { kind: 'key'; path: (string | number)[] } | { kind: 'param'; name: string };

function targetsOf(template: Template): Target[] {
  const found: Target[] = Object.keys(template.params ?? {}).map((name) => ({ kind: 'param', name }));
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') found.push({ kind: 'value', path });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (value && typeof value === 'object') {
      found.push({ kind: 'key', path });
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  if (template.body) walk(template.body, []);
  return found;
}

/** A copy of `value` with `hostile` put at the target. */
function inject(body: unknown, target: Target, hostile: string): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  const path = target.kind === 'param' ? [] : target.path;
  const steps = target.kind === 'value' ? path.slice(0, -1) : path;
  for (const step of steps) parent = parent[step] as Record<string | number, unknown>;
  if (target.kind === 'value') parent[path[path.length - 1]!] = hostile;
  else parent[hostile] = 'x';
  return copy;
}

const dotted = (path: (string | number)[]) => path.map(String).join('.');

type Kind = 'nul' | 'surrogate' | 'bidi' | 'long' | 'huge';
const hostileCores: Record<Kind, fc.Arbitrary<string>> = {
  nul: fc.constant('\u0000'),
  surrogate: fc.constantFrom('\ud800', '\udfff', 'x\udc00y'),
  bidi: fc.constantFrom('\u202e', '\u202a', '\u2066', '\u2069'),
  /** Fits in a body, longer than any name may be. */
  long: fc.constant('a'.repeat(100_000)),
  huge: fc.constant('a'.repeat(1024 * 1024)),
};
const hostileString = fc.constantFrom<Kind>('nul', 'surrogate', 'bidi', 'long', 'huge').chain((kind) =>
  fc.tuple(fc.string({ maxLength: 4 }), hostileCores[kind], fc.string({ maxLength: 4 })).map(([before, core, after]) => ({ kind, text: `${before}${core}${after}` })),
);

/**
 * Whether a 400 names the field: `field` (for a bad key, a path under the key's object), or —
 * for a design refused by its schema — one of its `issues` (paths inside the design).
 */
function namesField(error: { field?: string; issues?: { path: string }[] } | undefined, keyOf: string | null, field: string): boolean {
  const named = [error?.field, ...(error?.issues ?? []).map((issue) => `design.${issue.path}`)].filter((path) => path !== undefined);
  return named.some((path) => (keyOf === null ? path === field : keyOf === '' || path.startsWith(`${keyOf}.`)));
}

/**
 * Temporal is unreachable in this test, but connecting to nowhere takes lib/temporal-client.ts
 * its 5 s connect timeout per call: the client it caches on globalThis is replaced by an
 * immediate "unreachable" (the answer is the same 503) while the property runs.
 */
function temporalFailsFast(): () => void {
  const slot = '__signalboxTemporal';
  const original = Object.getOwnPropertyDescriptor(globalThis, slot);
  Object.defineProperty(globalThis, slot, {
    configurable: true,
    get() {
      const unreachable = Promise.reject(new TemporalUnavailableError('127.0.0.1:1', new Error('nothing listens there (test)')));
      unreachable.catch(() => undefined);
      return unreachable;
    },
    set() {},
  });
  return () => {
    delete (globalThis as Record<string, unknown>)[slot];
    if (original) Object.defineProperty(globalThis, slot, original);
  };
}

/** A function reading the rows in every table of the database, in one query (a refusal must leave all of them as they were). */
async function rowCounter(): Promise<() => Promise<string>> {
  const db = await getDb();
  // Both drivers (PGlite, node-postgres) answer execute() with `{ rows }`; the generic Db type leaves it unknown.
  const rows = async <Row>(query: SQL) => ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
  const tables = await rows<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const members = tables.map(({ table_name }) => `'${table_name}', (select count(*) from "${table_name}")`).join(', ');
  const query = sql.raw(`select json_build_object(${members})::text as counts`);
  return async () => (await rows<{ counts: string }>(query))[0]!.counts;
}

test('every state-changing route: hostile strings anywhere → never 500, refused with the field named, nothing written', async () => {
  const user = await createUser({ user: { username: 'hostile-target', displayName: 'Target', passwordHash: null, roles: ['viewer'] } });
  const created = await call((await import('./designs/route')).POST, { body: { design: approvalDesign } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const table = templates({ userId: user.id, designId: created.body.id as string });
  await testSessionCookie(ROLES); // the caller's session exists before the first row count
  const rowCounts = await rowCounter();

  const routes: { key: string; handler: (...args: never[]) => Promise<Response>; template: Template }[] = [];
  const untemplated: string[] = [];
  for (const route of await apiRoutes()) {
    for (const method of STATE_CHANGING) {
      const handler = route.handlers[method];
      if (!handler) continue;
      const key = `${method} ${route.pattern}`;
      if (!(key in table)) untemplated.push(key);
      else if (table[key]) routes.push({ key, handler, template: table[key]! });
    }
  }
  assert.deepEqual(untemplated, [], 'give each new state-changing route an input template here');

  const cases = routes.map((route) => ({ ...route, targets: targetsOf(route.template) }));
  const failures = new Map<string, string>();
  const restoreTemporal = temporalFailsFast();
  await fc.assert(
    // Route first, then a place in its input: each route gets its share however many strings it takes.
    fc.asyncProperty(fc.nat(cases.length - 1), fc.nat(), hostileString, async (routeIndex, targetIndex, hostile) => {
      const { key, handler, template, targets } = cases[routeIndex]!;
      const target = targets[targetIndex % targets.length]!;
      const params = { ...template.params };
      if (target.kind === 'param') params[target.name] = hostile.text;
      const body = template.body && target.kind !== 'param' ? inject(template.body, target, hostile.text) : template.body;
      const field = target.kind === 'param' ? target.name : dotted(target.path);
      const where = `${key} ${target.kind} ${field || '(root)'} ← ${hostile.kind}`;
      const before = await rowCounts();
      const t0 = performance.now();
      const answer = await call(handler as never, { params, body, as: ROLES });
      if (process.env.FC_TIMING) console.log(`${(performance.now() - t0).toFixed(0)} ms ${where} ${answer.status}`);
      const problem = (message: string) => void failures.set(where, `${message}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      if (answer.status >= 500 && answer.status !== 503) return problem('a server error');
      const mustRefuse =
        hostile.kind === 'nul' || hostile.kind === 'surrogate' || hostile.kind === 'huge' || ((hostile.kind === 'bidi' || hostile.kind === 'long') && target.kind === 'value' && (template.names ?? []).includes(field));
      if (mustRefuse) {
        const allowed = hostile.kind === 'huge' ? [400, 413] : [400];
        if (!allowed.includes(answer.status)) return problem(`not refused with ${allowed.join('/')}`);
        if (hostile.kind !== 'huge' && !namesField(answer.body?.error, target.kind === 'key' ? field : null, field)) {
          return problem(`the answer does not name ${field}`);
        }
      }
      // An input refusal writes nothing (a wrong password, by contrast, is recorded on purpose: throttle and audit).
      if (answer.status === 400 || answer.status === 413) {
        const after = await rowCounts();
        if (after !== before) return problem(`refused, yet written: ${before} → ${after}`);
      }
    }),
    // Failures are collected (not thrown) so that one run reports every route that misbehaves.
    { numRuns: Number(process.env.FC_RUNS ?? 250), seed: Number(process.env.FC_SEED ?? 10) },
  ).finally(restoreTemporal);
  assert.deepEqual([...failures.entries()].map(([where, what]) => `${where}: ${what}`), []);
});

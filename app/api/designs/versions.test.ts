/**
 * Optimistic concurrency on saves (PGlite in-process): a save based on an old version is refused
 * with 409, the current version and design, and nothing is written; without baseVersion saves as before.
 * Drives the versions route's save logic and error mapping (the route adds only body parsing and auth).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { closeDb } from '@/db/client';
import { createDesign, getDesign } from '@/db/repository';
import { errorResponse } from '@/lib/api/errors';
import { saveDesignVersion } from './[id]/versions/save';
import { SaveVersionBodySchema } from './schema';

const approval = JSON.parse(readFileSync(new URL('../../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

before(() => {
  delete process.env.DATABASE_URL;
  process.env.SIGNALBOX_PGLITE_DIR = 'memory://';
});
after(async () => {
  await closeDb();
});

/** The HTTP answer the route gives for a save. */
async function save(id: string, body: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted field by field
  try {
    const parsed = SaveVersionBodySchema.safeParse(body);
    if (!parsed.success) return { status: 400, body: null };
    return { status: 201, body: await saveDesignVersion(id, parsed.data) };
  } catch (error) {
    const response = errorResponse(error);
    return { status: response.status, body: await response.json() };
  }
}

test('a save based on a stale version is 409 with the current version and design; nothing is overwritten', async () => {
  const { id } = await createDesign({ design: approval });

  // Tab A saves on top of version 1: fine.
  assert.deepEqual(await save(id, { design: { ...approval, name: 'FromTabA' }, baseVersion: 1 }), { status: 201, body: { version: 2 } });

  // Tab B, still on version 1, is refused and told what is there now.
  const stale = await save(id, { design: { ...approval, name: 'FromTabB' }, baseVersion: 1 });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.code, 'design.version-conflict');
  assert.equal(stale.body.error.currentVersion, 2);
  assert.equal(stale.body.error.baseVersion, 1);
  assert.match(stale.body.error.message, /saved elsewhere/);
  assert.equal(stale.body.current.version, 2);
  assert.equal(stale.body.current.design.name, 'FromTabA');

  const detail = await getDesign({ id });
  assert.equal(detail?.latestVersion, 2);
  assert.equal(detail?.name, 'FromTabA', 'the refused save did not rename the design either');

  // Tab B chooses "overwrite with mine": a new version on top of the one it has now seen.
  assert.deepEqual(await save(id, { design: { ...approval, name: 'FromTabB' }, baseVersion: 2 }), { status: 201, body: { version: 3 } });
  // Saves without a base version keep working (CLI, scripts).
  assert.deepEqual(await save(id, { design: approval }), { status: 201, body: { version: 4 } });

  assert.equal((await save('missing', { design: approval, baseVersion: 1 })).status, 404);
  assert.equal((await save(id, { design: approval, baseVersion: -1 })).status, 400);
});

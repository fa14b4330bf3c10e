import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createDb, type DbHandle } from '../client';
import {
  createDesign,
  createUser,
  discardDraft,
  getDraft,
  getVersion,
  listVersionHistory,
  saveDraft,
  saveVersion,
  saveVersionFromDraft,
  VersionConflictError,
} from '.';

const approval = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

describe('drafts and version history (PGlite)', () => {
  let handle: DbHandle;
  before(async () => {
    handle = createDb({ pglite: 'memory://' });
    await handle.migrate();
  });
  after(async () => handle.close());

  test('edits go to the draft, not to versions; Save makes a version with its message and author and removes the draft', async () => {
    const db = handle.db;
    const ana = await createUser({ db, user: { username: 'ana', displayName: 'Ana Lima', passwordHash: null, roles: ['designer'] } });
    const { id } = await createDesign({ db, design: approval, createdBy: ana.id });
    for (const name of ['A1', 'A2', 'A3']) await saveDraft({ db, id, design: { ...approval, name }, baseVersion: 1, updatedBy: ana.id });
    assert.deepEqual((await listVersionHistory({ db, id })).map((v) => v.version), [1]);
    const draft = await getDraft({ db, id });
    assert.equal(draft?.design.name, 'A3');
    assert.equal(draft?.baseVersion, 1);
    assert.equal(draft?.updatedByName, 'Ana Lima');

    assert.deepEqual(await saveVersionFromDraft({ db, id, message: '  First real change  ' }), { version: 2, created: true });
    assert.equal(await getDraft({ db, id }), null);
    assert.equal((await getVersion({ db, id, version: 2 }))?.design.name, 'A3');
    const history = await listVersionHistory({ db, id });
    assert.deepEqual(
      history.map(({ version, message, authorName }) => ({ version, message, authorName })),
      [
        { version: 2, message: 'First real change', authorName: 'Ana Lima' },
        { version: 1, message: null, authorName: 'Ana Lima' },
      ],
    );
    assert.ok(history[0].createdAt instanceof Date);
  });

  test('a draft equal to the latest version makes no version; a save with a design removes the draft too', async () => {
    const db = handle.db;
    const { id } = await createDesign({ db, design: approval });
    await saveDraft({ db, id, design: approval, baseVersion: 1 });
    assert.deepEqual(await saveVersionFromDraft({ db, id }), { version: 1, created: false });
    assert.equal(await getDraft({ db, id }), null);
    await saveDraft({ db, id, design: { ...approval, name: 'B' }, baseVersion: 1 });
    assert.deepEqual(await saveVersion({ db, id, design: { ...approval, name: 'C' }, message: ' ' }), { version: 2 });
    assert.equal(await getDraft({ db, id }), null);
    assert.equal((await listVersionHistory({ db, id }))[0].message, null, 'a blank message is none');
  });

  test('a draft based on an older version is a conflict and stores nothing; discard removes it', async () => {
    const db = handle.db;
    const { id } = await createDesign({ db, design: approval });
    await saveVersion({ db, id, design: { ...approval, name: 'Elsewhere' } });
    await assert.rejects(saveDraft({ db, id, design: { ...approval, name: 'Stale' }, baseVersion: 1 }), (e) => e instanceof VersionConflictError && e.currentVersion === 2);
    assert.equal(await getDraft({ db, id }), null);
    await saveDraft({ db, id, design: { ...approval, name: 'Fresh' }, baseVersion: 2 });
    assert.equal(await discardDraft({ db, id }), true);
    assert.equal(await getDraft({ db, id }), null);
    assert.equal(await discardDraft({ db, id }), false);
    assert.equal(await saveDraft({ db, id: 'missing', design: approval, baseVersion: 1 }), null);
    assert.equal(await saveVersionFromDraft({ db, id: 'missing' }), null);
  });
});

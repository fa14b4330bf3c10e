import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createDb, type DbHandle } from './client';
import { runRepositorySuite } from './repository.suite';

const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

describe('repository on PGlite (memory)', () => {
  let handle: DbHandle;
  before(async () => {
    handle = createDb({ pglite: 'memory://' });
    await handle.migrate();
  });
  after(async () => {
    await handle.close();
  });

  test('migrations are idempotent', async () => {
    await handle.migrate();
  });

  runRepositorySuite(() => handle.db, approval);

  test('the example parses', () => {
    assert.equal(approval.name, 'ApprovalWorkflow');
  });
});

/** The repository suite against a real PostgreSQL (TEST_DATABASE_URL), migrations included. */
import { readFileSync } from 'node:fs';
import { after, before, describe } from 'node:test';
import { createDb, type DbHandle } from './client';
import { runRepositorySuite } from './repository.suite';

const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const url = process.env.TEST_DATABASE_URL;

describe('repository on PostgreSQL', { skip: url ? false : 'TEST_DATABASE_URL is not set' }, () => {
  let handle: DbHandle;
  before(async () => {
    handle = createDb({ url: url! });
    await handle.migrate();
    await handle.migrate(); // idempotent
  });
  after(async () => {
    await handle?.close();
  });
  runRepositorySuite(() => handle.db, approval);
});

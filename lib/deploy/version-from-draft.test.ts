import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createDesign, createUser, getDraft, listVersionHistory, saveDraft } from '@/db/repository';
import { runAs } from '@/lib/auth/context';
import { useInMemoryApp } from '@/testing/in-memory-app';
import { DEPLOY_VERSION_MESSAGE, versionTheDraft } from './version-from-draft';

const approval = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

useInMemoryApp();

test('deploying the latest makes a version of a changed draft, by whoever deploys; an unchanged draft makes none', async () => {
  const user = await createUser({ user: { username: 'deployer', displayName: 'Dee Ployer', passwordHash: null, roles: ['designer'] } });
  const { id } = await createDesign({ design: approval });
  await saveDraft({ id, design: { ...approval, name: 'Edited' }, baseVersion: 1 });
  await runAs({ id: user.id, username: user.username, displayName: user.displayName, roles: ['designer'], via: 'session' }, () => versionTheDraft(id));
  const [made] = await listVersionHistory({ id });
  assert.deepEqual({ version: made.version, message: made.message, author: made.authorName }, { version: 2, message: DEPLOY_VERSION_MESSAGE, author: 'Dee Ployer' });
  assert.equal(await getDraft({ id }), null);

  await versionTheDraft(id);
  assert.equal((await listVersionHistory({ id })).length, 2, 'no draft: no version');
});

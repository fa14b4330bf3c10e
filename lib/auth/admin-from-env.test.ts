import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeDb } from '@/db/client';
import { getUserByUsername, listAudit } from '@/db/repository';
import { ensureAdminFromEnv } from './admin-from-env';
import { verifyPassword } from './passwords';

before(() => {
  delete process.env.DATABASE_URL;
  process.env.SIGNALBOX_PGLITE_DIR = 'memory://';
});
after(() => closeDb());

test('SIGNALBOX_ADMIN_*: nothing without them, refuses bad values, creates the admin once', async () => {
  assert.deepEqual(await ensureAdminFromEnv({}), { outcome: 'not-configured' });
  assert.equal((await ensureAdminFromEnv({ SIGNALBOX_ADMIN_USERNAME: 'root' })).outcome, 'invalid');
  const weak = await ensureAdminFromEnv({ SIGNALBOX_ADMIN_USERNAME: 'root', SIGNALBOX_ADMIN_PASSWORD: 'short' });
  assert.equal(weak.outcome, 'invalid');
  assert.match(weak.outcome === 'invalid' ? weak.problem : '', /SIGNALBOX_ADMIN_PASSWORD: .*at least 8/);

  const env = { SIGNALBOX_ADMIN_USERNAME: 'Root', SIGNALBOX_ADMIN_PASSWORD: 'automation pw' };
  assert.deepEqual(await ensureAdminFromEnv(env), { outcome: 'created', username: 'root' });
  const root = await getUserByUsername({ username: 'root' });
  assert.deepEqual(root?.roles, ['admin']);
  assert.equal(await verifyPassword(root!.passwordHash, 'automation pw'), true);
  assert.deepEqual(await ensureAdminFromEnv({ ...env, SIGNALBOX_ADMIN_PASSWORD: 'another password' }), { outcome: 'exists' });
  assert.equal(await verifyPassword((await getUserByUsername({ username: 'root' }))!.passwordHash, 'automation pw'), true, 'a restart changes nothing');
  assert.ok((await listAudit()).some((e) => e.action === 'user.setup' && e.details.how === 'environment'));
});

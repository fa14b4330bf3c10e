import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { temporalConnectionOptions, temporalSettings } from './temporal-settings';

test('defaults: local dev server, default namespace, no TLS', () => {
  const settings = temporalSettings({});
  assert.deepEqual(settings, { address: '127.0.0.1:7233', namespace: 'default', tls: undefined, apiKey: undefined });
  assert.deepEqual(temporalConnectionOptions(settings), { address: '127.0.0.1:7233' });
});

test('mTLS from files and from inline PEM; API key implies TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'signalbox-tls-'));
  writeFileSync(join(dir, 'client.pem'), 'CERT');
  const pemKey = '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----';
  const settings = temporalSettings({
    TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
    TEMPORAL_NAMESPACE: 'ns.acct',
    TEMPORAL_TLS_CERT: join(dir, 'client.pem'),
    TEMPORAL_TLS_KEY: pemKey,
  });
  assert.equal(settings.namespace, 'ns.acct');
  assert.equal(settings.tls?.clientCertPair?.crt.toString(), 'CERT');
  assert.equal(settings.tls?.clientCertPair?.key.toString(), '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----');

  const cloud = temporalConnectionOptions(temporalSettings({ TEMPORAL_API_KEY: 'k' }));
  assert.deepEqual(cloud, { address: '127.0.0.1:7233', tls: {}, apiKey: 'k' });
});

test('half a certificate pair or an unreadable file is a clear error', () => {
  assert.throws(() => temporalSettings({ TEMPORAL_TLS_CERT: '/x' }), /must be set together/);
  assert.throws(() => temporalSettings({ TEMPORAL_TLS_CERT: '/nope/c.pem', TEMPORAL_TLS_KEY: '/nope/k.pem' }), /TEMPORAL_TLS_CERT: cannot read/);
});

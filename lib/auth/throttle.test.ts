import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientAddress, parseTrustedProxies, PEER_HEADER, peerHeaderValue, UNKNOWN_ADDRESS } from './client-address';
import { blockMsAfter, FIRST_BLOCK_MS, MAX_BLOCK_MS } from './throttle';

test('backoff: none below the limit, then 30 s doubling, at most 15 minutes', () => {
  assert.equal(blockMsAfter(4, 5), 0);
  assert.equal(blockMsAfter(5, 5), FIRST_BLOCK_MS);
  assert.equal(blockMsAfter(7, 5), 4 * FIRST_BLOCK_MS);
  assert.equal(blockMsAfter(500, 5), MAX_BLOCK_MS);
});

function request(headers: Record<string, string>): Request {
  return new Request('http://localhost/api/auth/login', { headers });
}

test('client address: the stamped socket address; X-Forwarded-For only from a trusted proxy, read from the right', () => {
  const direct = request({ [PEER_HEADER]: peerHeaderValue('203.0.113.7'), 'x-forwarded-for': '1.2.3.4' });
  assert.equal(clientAddress(direct, undefined), '203.0.113.7', 'no trusted proxy: the header is ignored');
  assert.equal(clientAddress(direct, '10.0.0.0/8'), '203.0.113.7', 'the peer is not a trusted proxy');

  const viaProxy = request({ [PEER_HEADER]: peerHeaderValue('::ffff:10.0.0.2'), 'x-forwarded-for': '6.6.6.6, 198.51.100.9, 10.0.0.3' });
  assert.equal(clientAddress(viaProxy, '10.0.0.0/8'), '198.51.100.9', 'the left-most entries are the client\'s own writing');
  assert.equal(clientAddress(request({ [PEER_HEADER]: peerHeaderValue('10.0.0.2') }), '10.0.0.0/8'), '10.0.0.2');

  assert.equal(clientAddress(request({ [PEER_HEADER]: 'forged 9.9.9.9', 'x-forwarded-for': '1.2.3.4' })), UNKNOWN_ADDRESS, 'a stamp without the process secret');
  assert.equal(clientAddress(request({ 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '1.2.3.4' })), UNKNOWN_ADDRESS);
});

test('SIGNALBOX_TRUSTED_PROXIES: addresses and CIDR ranges; a bad entry is named', () => {
  assert.equal(parseTrustedProxies(''), undefined);
  assert.ok(parseTrustedProxies('127.0.0.1, ::1, 10.0.0.0/8, fd00::/8'));
  assert.throws(() => parseTrustedProxies('127.0.0.1,proxy.local'), /"proxy\.local" is not an IP address/);
  assert.throws(() => parseTrustedProxies('10.0.0.0/33'), /10\.0\.0\.0\/33/);
});

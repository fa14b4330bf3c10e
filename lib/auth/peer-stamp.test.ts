import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { clientAddress } from './client-address';
import { installPeerStamp } from './peer-stamp';

test('a server created before the stamp is installed stamps its socket address; a forged stamp and X-Forwarded-For do not count', async () => {
  let seen = '';
  const server = http.createServer((request, response) => {
    const headers = new Headers(Object.entries(request.headers).map(([k, v]) => [k, String(v)] as [string, string]));
    seen = clientAddress(new Request('http://localhost/', { headers }), undefined);
    response.end('ok');
  });
  installPeerStamp();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '6.6.6.6', 'x-signalbox-peer': 'guess 7.7.7.7' } });
    assert.equal(seen, '127.0.0.1');
  } finally {
    server.close();
  }
});

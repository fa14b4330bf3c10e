/**
 * A second web instance for login-throttle.int.test.ts: its own process and database pool on the
 * same DATABASE_URL, sending failed sign-ins through the login route handler.
 *   node --import tsx testing/login-instance.ts <username> <socket address> <attempts>
 * Prints the statuses as JSON.
 */
import { closeDb } from '@/db/client';
import { PEER_HEADER, peerHeaderValue } from '@/lib/auth/client-address';
import { POST } from '@/app/api/auth/login/route';

const [username, peer, attempts] = process.argv.slice(2);
const statuses: number[] = [];
for (let i = 0; i < Number(attempts); i++) {
  const response = await POST(
    new Request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'sec-fetch-site': 'same-origin', [PEER_HEADER]: peerHeaderValue(peer!) },
      body: JSON.stringify({ username, password: `instance two guess ${i}` }),
    }),
  );
  statuses.push(response.status);
}
console.log(JSON.stringify(statuses));
await closeDb();

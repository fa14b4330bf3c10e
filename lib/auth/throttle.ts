/**
 * Slows down password guessing without letting anyone lock other people out (docs/auth.md,
 * "Sign-in throttle"). State is in the database (login_throttle), so every web instance enforces
 * the same limits. Three counters of failed sign-ins, each with a backoff once over its limit:
 *
 * - pair (username, address): PAIR_LIMIT failures → that address may not try that username for
 *   30 s, doubling per further failure up to MAX_BLOCK_MS. Stops a guesser; touches no one else.
 * - address: ADDRESS_LIMIT failures over any usernames → the address is refused (password spraying).
 * - account: ACCOUNT_LIMIT failures from all addresses together → the username is refused from
 *   addresses that never signed into it (a guesser with many addresses).
 *
 * An address that signed into the username within KNOWN_FOR_MS is "known" for it: only its own
 * pair counter applies, so the account's owner still signs in while their account or their
 * shared (NAT) address is under attack. Refused attempts are not checked and do not count.
 * Without a known client address (lib/auth/client-address.ts) only the account counter applies.
 */
import 'server-only';
import {
  blockThrottleKey,
  countThrottleFailure,
  deleteStaleThrottleRows,
  readThrottleRows,
  recordThrottleSuccess,
} from '@/db/repository/login-throttle';
import { UNKNOWN_ADDRESS } from './client-address';

export { clientAddress, UNKNOWN_ADDRESS } from './client-address';

export const PAIR_LIMIT = 5;
export const ADDRESS_LIMIT = 30;
export const ACCOUNT_LIMIT = 50;
/** A counter starts again after this long without a failure (longer than MAX_BLOCK_MS, so a long block does not reset it). */
export const WINDOW_MS = 60 * 60_000;
export const FIRST_BLOCK_MS = 30_000;
export const MAX_BLOCK_MS = 15 * 60_000;
export const KNOWN_FOR_MS = 30 * 24 * 3_600_000;

type Scope = 'pair' | 'address' | 'account';
const LIMITS: Record<Scope, number> = { pair: PAIR_LIMIT, address: ADDRESS_LIMIT, account: ACCOUNT_LIMIT };

/** The block after the n-th failure: none below the limit, then 30 s doubling per failure, at most 15 min. */
export function blockMsAfter(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(MAX_BLOCK_MS, FIRST_BLOCK_MS * 2 ** Math.min(failures - limit, 20));
}

function keysFor(username: string, address: string): { scope: Scope; key: string }[] {
  const account = { scope: 'account' as const, key: `account:${username}` };
  if (address === UNKNOWN_ADDRESS) return [account];
  return [{ scope: 'pair', key: `pair:${username} ${address}` }, { scope: 'address', key: `address:${address}` }, account];
}

/** Milliseconds until this address may try this username again; 0 when it may now. */
export async function retryAfterMs(username: string, address: string, now = new Date()): Promise<number> {
  const keys = keysFor(username, address);
  const rows = await readThrottleRows({ keys: keys.map((k) => k.key) });
  const pair = rows.get(keys[0]!.key);
  const known = !!pair?.lastSuccessAt && now.getTime() - pair.lastSuccessAt.getTime() < KNOWN_FOR_MS;
  let wait = 0;
  for (const { scope, key } of keys) {
    if (known && scope !== 'pair') continue;
    const until = rows.get(key)?.blockedUntil;
    if (until) wait = Math.max(wait, until.getTime() - now.getTime());
  }
  return wait;
}

export async function recordFailure(username: string, address: string, now = new Date()): Promise<void> {
  for (const { scope, key } of keysFor(username, address)) {
    const failures = await countThrottleFailure({ key, now, windowMs: WINDOW_MS });
    const blockMs = blockMsAfter(failures, LIMITS[scope]);
    if (blockMs > 0) await blockThrottleKey({ key, until: new Date(now.getTime() + blockMs) });
  }
}

/** A correct sign-in: the pair starts again and the address becomes known for the username. */
export async function recordSuccess(username: string, address: string, now = new Date()): Promise<void> {
  if (address !== UNKNOWN_ADDRESS) await recordThrottleSuccess({ key: `pair:${username} ${address}`, now });
  // Housekeeping at sign-in, as for sessions: old counters are useless.
  await deleteStaleThrottleRows({ now, windowMs: WINDOW_MS, knownForMs: KNOWN_FOR_MS });
}

/**
 * The real client address of a request, for the sign-in throttle.
 *
 * `next start` gives route handlers no socket: it only fills in `X-Forwarded-For` with the peer's
 * address when the client did not send one, so that header alone is whatever the client wants.
 * instrumentation.ts therefore stamps every request with PEER_HEADER = "<process secret> <socket
 * address>" (lib/auth/peer-stamp.ts); a value without this process's secret is ignored.
 *
 * Forwarding headers count only when the peer is one of SIGNALBOX_TRUSTED_PROXIES (comma-separated
 * addresses or CIDR ranges, e.g. "127.0.0.1,10.0.0.0/8,::1"): then `X-Forwarded-For` is read from
 * the right, skipping trusted proxies, and the first other address is the client.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

export const PEER_HEADER = 'x-signalbox-peer';
export const UNKNOWN_ADDRESS = 'unknown';

const globalForPeer = globalThis as typeof globalThis & { __signalboxPeerSecret?: string };

/** One secret per process, shared by instrumentation and the route bundles through globalThis. */
export function peerSecret(): string {
  return (globalForPeer.__signalboxPeerSecret ??= randomBytes(18).toString('base64url'));
}

/** The PEER_HEADER value for a socket address (used by the stamp, and by tests standing in for a socket). */
export function peerHeaderValue(address: string): string {
  return `${peerSecret()} ${address}`;
}

/** "::ffff:10.1.2.3" → "10.1.2.3" (Node reports IPv4 peers of a dual-stack socket that way). */
function normalize(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed.toLowerCase();
}

export class TrustedProxyConfigError extends Error {}

/** SIGNALBOX_TRUSTED_PROXIES as a BlockList; throws naming the bad entry. */
export function parseTrustedProxies(setting: string | undefined): BlockList | undefined {
  const entries = (setting ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return undefined;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxBits = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))) {
      throw new TrustedProxyConfigError(`SIGNALBOX_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, prefix, type);
  }
  return list;
}

function isTrusted(list: BlockList | undefined, address: string): boolean {
  const family = isIP(address);
  return !!list && !!family && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The socket address stamped on the request by this process, or undefined. */
export function stampedPeer(request: Request): string | undefined {
  const value = request.headers.get(PEER_HEADER);
  if (!value) return undefined;
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space) !== peerSecret()) return undefined;
  const address = normalize(value.slice(space + 1));
  return isIP(address) ? address : undefined;
}

/**
 * The client's address: the peer itself, or (peer a trusted proxy) the right-most untrusted
 * X-Forwarded-For entry. UNKNOWN_ADDRESS when no stamped peer is known.
 */
export function clientAddress(request: Request, trustedSetting = process.env.SIGNALBOX_TRUSTED_PROXIES): string {
  const peer = stampedPeer(request);
  if (!peer) return UNKNOWN_ADDRESS;
  const trusted = parseTrustedProxies(trustedSetting);
  if (!isTrusted(trusted, peer)) return peer;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '').split(',').map(normalize).filter(Boolean);
  let client = peer;
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i]!;
    if (!isIP(hop)) break; // garbage from further left is the client's own writing: stop at the last good hop
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

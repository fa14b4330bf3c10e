/**
 * Stamps every HTTP request this process receives with its socket address (PEER_HEADER, carrying
 * the process secret), before Next.js sees it: App Router handlers get no socket, and Next only
 * fills in X-Forwarded-For when the client did not send one (lib/auth/client-address.ts).
 * Installed once from instrumentation.ts.
 */
import 'server-only';
import http from 'node:http';
import { PEER_HEADER, peerHeaderValue } from './client-address';

const globalForStamp = globalThis as typeof globalThis & { __signalboxPeerStamp?: boolean };

export function installPeerStamp(): void {
  if (globalForStamp.__signalboxPeerStamp) return;
  globalForStamp.__signalboxPeerStamp = true;
  const emit = http.Server.prototype.emit;
  // Wrapping emit reaches servers created before this ran (next start creates its server first).
  http.Server.prototype.emit = function emitWithPeer(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      const address = request.socket?.remoteAddress;
      // Always overwritten: a client-sent value never survives.
      if (address) request.headers[PEER_HEADER] = peerHeaderValue(address);
      else delete request.headers[PEER_HEADER];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/**
 * The principal of the request being handled, for code deep inside a route handler (audit
 * entries, approval checks) without threading it through every call. Set by `handle()`.
 */
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { unauthenticated } from './errors';
import type { Principal } from './principal';

const storage = new AsyncLocalStorage<Principal | null>();

export function runAs<T>(principal: Principal | null, fn: () => T): T {
  return storage.run(principal, fn);
}

/** The caller, or null on a public route without credentials. */
export function currentPrincipal(): Principal | null {
  return storage.getStore() ?? null;
}

/** The caller; 401 when there is none. */
export function requirePrincipal(): Principal {
  const principal = currentPrincipal();
  if (!principal) throw unauthenticated();
  return principal;
}

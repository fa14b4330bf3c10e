/**
 * Slows down password guessing: after MAX_FAILURES failed sign-ins for one username (from any
 * address) or from one address (for any username) within WINDOW_MS, further attempts are refused
 * until the window has passed (429, with the seconds to wait). A success clears the username's count.
 * In memory: one web process serves Signalbox; a restart forgets (the hashes stay slow anyway).
 */
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
export const UNKNOWN_ADDRESS = 'unknown';

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxFailures = MAX_FAILURES,
    private readonly windowMs = WINDOW_MS,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length > 0) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** Without a known client address (no proxy header) only the username counts: one shared key would lock everyone out. */
  private keys(username: string, address: string): string[] {
    return address === UNKNOWN_ADDRESS ? [`u:${username}`] : [`u:${username}`, `a:${address}`];
  }

  /** Milliseconds until another attempt is allowed for this username/address, 0 when allowed now. */
  retryAfterMs(username: string, address: string): number {
    let wait = 0;
    for (const key of this.keys(username, address)) {
      const times = this.recent(key);
      if (times.length >= this.maxFailures) wait = Math.max(wait, times[times.length - this.maxFailures]! + this.windowMs - this.now());
    }
    return wait;
  }

  recordFailure(username: string, address: string): void {
    for (const key of this.keys(username, address)) this.failures.set(key, [...this.recent(key), this.now()]);
    // Bound the memory an attacker can make us use with made-up usernames.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(username: string): void {
    this.failures.delete(`u:${username}`);
  }
}

const globalForThrottle = globalThis as typeof globalThis & { __signalboxLoginThrottle?: LoginThrottle };
export function loginThrottle(): LoginThrottle {
  return (globalForThrottle.__signalboxLoginThrottle ??= new LoginThrottle());
}

/** The client address as the proxy in front (or Next.js) reports it, else UNKNOWN_ADDRESS. */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || UNKNOWN_ADDRESS;
}

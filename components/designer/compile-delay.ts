/** Recompiles answered within this (median of the latest few) are fast enough to send one per keystroke. */
export const FAST_ROUND_TRIP_MS = 250;
/** The pause after the last change before recompiling, when the server answers slowly. */
export const SLOW_SERVER_DEBOUNCE_MS = 300;
/** Round trips remembered: one slow answer (a load spike) does not switch the debounce on. */
export const ROUND_TRIPS_KEPT = 3;

/**
 * How long to wait after a content change before asking the server to recompile: at once for the
 * design as opened and while recompiles come back fast; after a pause in typing when they come
 * back slowly (each request would otherwise be superseded before it is answered, and the server
 * would still work through every one of them).
 */
export function compileDelay(revision: number, recentRoundTripsMs: readonly number[]): number {
  if (revision === 0 || recentRoundTripsMs.length === 0) return 0;
  const sorted = [...recentRoundTripsMs].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return median <= FAST_ROUND_TRIP_MS ? 0 : SLOW_SERVER_DEBOUNCE_MS;
}

/** The latest round trips, newest last, at most ROUND_TRIPS_KEPT. */
export function rememberRoundTrip(recent: readonly number[], ms: number): number[] {
  return [...recent, ms].slice(-ROUND_TRIPS_KEPT);
}

/** A recompile answered within this is fast enough to send one per keystroke. */
export const FAST_ROUND_TRIP_MS = 150;
/** The pause after the last change before recompiling, when the server answers slowly. */
export const SLOW_SERVER_DEBOUNCE_MS = 300;

/**
 * How long to wait after a content change before asking the server to recompile: at once for the
 * design as opened and while recompiles come back fast; after a pause in typing when the last one
 * was slow (each request would otherwise be superseded before it is answered).
 */
export function compileDelay(revision: number, lastRoundTripMs: number | null): number {
  if (revision === 0 || lastRoundTripMs === null) return 0;
  return lastRoundTripMs <= FAST_ROUND_TRIP_MS ? 0 : SLOW_SERVER_DEBOUNCE_MS;
}

/** A `next` target that stays on this site (no open redirects): a path, not `//host` or a URL. */
import 'server-only';

export function safeNextPath(next: string | undefined | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

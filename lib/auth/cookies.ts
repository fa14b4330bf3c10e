/** The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure when the app is served over https. */
import 'server-only';

export const SESSION_COOKIE = 'signalbox_session';

/** How long a session lasts: $SIGNALBOX_SESSION_HOURS, 12 hours by default. */
export function sessionTtlMs(): number {
  const hours = Number(process.env.SIGNALBOX_SESSION_HOURS);
  return (Number.isFinite(hours) && hours > 0 ? hours : 12) * 3_600_000;
}

/**
 * Secure (sent back over https only) when configured so — SIGNALBOX_SECURE_COOKIES=1, or
 * SIGNALBOX_PUBLIC_URL (the address users open) starting with https:// — or when this request
 * came over https (directly, or as the proxy in front says in X-Forwarded-Proto).
 * SIGNALBOX_SECURE_COOKIES=0 turns it off whatever the request says (plain-http test set-ups).
 */
export function isHttps(request: Request): boolean {
  const setting = process.env.SIGNALBOX_SECURE_COOKIES;
  if (setting === '1') return true;
  if (setting === '0') return false;
  if (/^https:\/\//i.test(process.env.SIGNALBOX_PUBLIC_URL ?? '')) return true;
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (forwarded) return forwarded === 'https';
  return new URL(request.url).protocol === 'https:';
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Expires=${expiresAt.toUTCString()}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0'];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

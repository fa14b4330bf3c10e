/** The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure when the app is served over https. */
export const SESSION_COOKIE = 'signalbox_session';

/** How long a session lasts: $SIGNALBOX_SESSION_HOURS, 12 hours by default. */
export function sessionTtlMs(): number {
  const hours = Number(process.env.SIGNALBOX_SESSION_HOURS);
  return (Number.isFinite(hours) && hours > 0 ? hours : 12) * 3_600_000;
}

/**
 * Secure when the request came over https (directly or via a proxy that says so), or always when
 * SIGNALBOX_SECURE_COOKIES=1 (deployments behind a proxy that does not set X-Forwarded-Proto).
 */
export function isHttps(request: Request): boolean {
  if (process.env.SIGNALBOX_SECURE_COOKIES === '1') return true;
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

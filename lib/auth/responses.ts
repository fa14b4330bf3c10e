/** Responses that start or end a browser session (JSON body + Set-Cookie). */
import 'server-only';
import { clearedSessionCookie, isHttps, sessionCookie } from './cookies';
import { startSession } from './sessions';

export async function signedInResponse(request: Request, userId: string, body: unknown, status = 200): Promise<Response> {
  const { token, expiresAt } = await startSession(userId);
  return Response.json(body, {
    status,
    headers: { 'cache-control': 'no-store', 'set-cookie': sessionCookie(token, expiresAt, isHttps(request)) },
  });
}

export function signedOutResponse(request: Request): Response {
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store', 'set-cookie': clearedSessionCookie(isHttps(request)) } });
}

/**
 * Next.js proxy (formerly middleware): the Content-Security-Policy with a fresh nonce per page
 * request (Next's nonce pattern: the CSP request header tells the renderer the nonce, so pages
 * must render per request — the root layout reads the session cookie, so every page does).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, newNonce } from '@/lib/security-headers';

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
    return response;
  }
  const nonce = newNonce();
  const policy = await contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Static files are not documents; everything else (pages and API answers) gets a policy.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};

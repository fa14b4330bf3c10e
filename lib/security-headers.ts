/**
 * The Content-Security-Policy of every page and API answer (set by proxy.ts; the fixed headers —
 * X-Frame-Options: DENY, nosniff, Referrer-Policy — come from next.config.js `headers()` for every path).
 */
import 'server-only';
import { THEME_PREPAINT_SCRIPT } from './theme-script';

/** A fresh nonce per page request: Next.js reads it from the CSP request header and puts it on its scripts. */
export function newNonce(): string {
  return btoa(crypto.randomUUID());
}

let themeScriptHash: Promise<string> | undefined;
/** The layout's fixed inline pre-paint script is allowed by its hash (it carries no nonce). */
function themeHash(): Promise<string> {
  themeScriptHash ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(THEME_PREPAINT_SCRIPT))
    .then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  return themeScriptHash;
}

/**
 * Scripts: only those carrying the nonce (Next's own), what they load ('strict-dynamic') and the
 * theme script's hash; 'unsafe-eval' only under `next dev` (React's dev tooling needs it).
 * Styles: 'unsafe-inline' (no nonce, which would switch it off) — React Flow positions every node
 * and edge with inline style attributes, CodeMirror injects <style> elements at run time, and the
 * designer's panels use style={…}; style injection cannot run script, and markup injection is
 * what React's escaping prevents.
 */
export async function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === 'development'): Promise<string> {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${await themeHash()}${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** API answers are data, never documents: nothing may load from them, nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

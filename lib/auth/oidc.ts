/**
 * OIDC sign-in (authorization code + PKCE, state and nonce) with openid-client: all protocol and
 * ID-token checks are the library's. Configured by OIDC_* (lib/auth/oidc-config.ts, docs/auth.md).
 */
import 'server-only';
import * as client from 'openid-client';
import { upsertOidcUser } from '@/db/repository';
import type { UserRow } from '@/db/schema';
import { oidcConfig, type OidcConfig } from './oidc-config';
import { isRole, type Role } from './roles';

export const OIDC_COOKIE = 'signalbox_oidc';
const FLOW_TTL_SECONDS = 600;

/** What the browser carries from the start of the flow to its callback (HttpOnly cookie, 10 minutes). */
export interface OidcFlow {
  verifier: string;
  state: string;
  nonce: string;
  next: string;
  redirectUri: string;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** http:// issuers are accepted only on loopback (a local test provider), never across a network. */
function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

async function clientConfiguration(config: OidcConfig): Promise<client.Configuration> {
  const key = `${config.issuer}\n${config.clientId}`;
  let pending = discovered.get(key);
  if (!pending) {
    const issuer = new URL(config.issuer);
    pending = client.discovery(issuer, config.clientId, undefined, client.ClientSecretBasic(config.clientSecret), {
      execute: isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [],
    });
    // A failed discovery (provider down) is retried on the next sign-in.
    pending.catch(() => discovered.delete(key));
    discovered.set(key, pending);
  }
  return pending;
}

export function requireOidcConfig(): OidcConfig {
  const config = oidcConfig();
  if (!config) throw new Error('OIDC sign-in is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)');
  return config;
}

/** The callback URL registered with the provider: OIDC_REDIRECT_URI, else this app's own origin. */
export function redirectUriFor(request: Request): string {
  if (process.env.OIDC_REDIRECT_URI) return process.env.OIDC_REDIRECT_URI;
  const url = new URL(request.url);
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || url.protocol.replace(':', '');
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || url.host;
  return `${proto}://${host}/api/auth/oidc/callback`;
}

export async function startOidcFlow(request: Request, next: string): Promise<{ authorizationUrl: URL; flow: OidcFlow }> {
  const config = requireOidcConfig();
  const configuration = await clientConfiguration(config);
  const flow: OidcFlow = {
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    next,
    redirectUri: redirectUriFor(request),
  };
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: flow.redirectUri,
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { authorizationUrl, flow };
}

export function encodeFlow(flow: OidcFlow): string {
  return Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
}

export function decodeFlow(value: string | undefined): OidcFlow | null {
  if (!value) return null;
  try {
    const flow = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OidcFlow>;
    if ([flow.verifier, flow.state, flow.nonce, flow.next, flow.redirectUri].every((v) => typeof v === 'string')) return flow as OidcFlow;
  } catch {
    // fall through: a mangled cookie is no flow
  }
  return null;
}

export function flowCookie(value: string, secure: boolean): string {
  return `${OIDC_COOKIE}=${value}; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${value ? FLOW_TTL_SECONDS : 0}${secure ? '; Secure' : ''}`;
}

/** Roles from the configured claim: a list or a space/comma separated string; unknown names are dropped. */
export function rolesFromClaim(value: unknown): Role[] {
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(names.map((name) => String(name).trim().toLowerCase()).filter(isRole))];
}

/** A username from the provider's claims, reduced to what Signalbox usernames allow. */
export function usernameFromClaims(claims: Record<string, unknown>): string {
  const raw = [claims.preferred_username, typeof claims.email === 'string' ? claims.email.split('@')[0] : undefined, claims.sub].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  const cleaned = (raw ?? 'user')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 40);
  return cleaned.length >= 2 ? cleaned : `user-${cleaned}`.slice(0, 40);
}

/** Completes the flow: the library checks state, PKCE, nonce and the ID token; returns the (created or updated) account. */
export async function finishOidcFlow(request: Request, flow: OidcFlow): Promise<UserRow> {
  const config = requireOidcConfig();
  const configuration = await clientConfiguration(config);
  // The URL the provider redirected to, as registered (the app may sit behind a proxy).
  const currentUrl = new URL(flow.redirectUri);
  currentUrl.search = new URL(request.url).search;
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims() as Record<string, unknown> | undefined;
  if (!claims || typeof claims.sub !== 'string') throw new Error('the provider sent no ID token subject');
  const displayName = [claims.name, claims.preferred_username, claims.email].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? claims.sub;
  return upsertOidcUser({
    subject: `${config.issuer}#${claims.sub}`,
    username: usernameFromClaims(claims),
    displayName: displayName.slice(0, 100),
    roles: rolesFromClaim(claims[config.roleClaim]),
  });
}

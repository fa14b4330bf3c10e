/**
 * OIDC sign-in settings (docs/auth.md). OIDC is on when OIDC_ISSUER, OIDC_CLIENT_ID and
 * OIDC_CLIENT_SECRET are all set; built-in accounts stay available either way.
 */
import 'server-only';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim holding the user's Signalbox roles (a list or a space/comma separated string). */
  roleClaim: string;
}

export function oidcConfig(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, roleClaim: env.OIDC_ROLE_CLAIM || 'signalbox_roles' };
}

export function oidcConfigured(): boolean {
  return oidcConfig() !== null;
}

/** Why an OIDC sign-in ended back on /login (`?error=`), and what the page says about it. */
export const OIDC_FAILURES = {
  'oidc-provider': 'The identity provider refused the sign-in.',
  'oidc-expired': 'Single sign-on took too long or was started in another browser: try again.',
  'oidc-failed': 'Single sign-on could not be completed: the answer from the identity provider did not check out.',
  'oidc-disabled': 'This account is disabled: ask an admin to enable it.',
} as const;
export type OidcFailure = keyof typeof OIDC_FAILURES;

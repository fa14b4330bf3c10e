/**
 * OIDC sign-in settings (docs/auth.md). OIDC is on when OIDC_ISSUER, OIDC_CLIENT_ID and
 * OIDC_CLIENT_SECRET are all set; built-in accounts stay available either way.
 */
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

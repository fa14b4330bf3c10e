/**
 * How to reach Temporal, from the environment. Shared by the app (client Connection) and the
 * worker host (NativeConnection); imports no Temporal package itself.
 *
 *   TEMPORAL_ADDRESS      host:port (default 127.0.0.1:7233)
 *   TEMPORAL_NAMESPACE    (default "default")
 *   TEMPORAL_TLS_CERT / TEMPORAL_TLS_KEY   mTLS client certificate and key: a file path or the PEM itself
 *   TEMPORAL_TLS_CA       optional server root CA (path or PEM)
 *   TEMPORAL_TLS_SERVER_NAME   optional SNI override
 *   TEMPORAL_TLS          "true" for TLS without a client certificate (implied by the API key)
 *   TEMPORAL_API_KEY      API key (Temporal Cloud); implies TLS
 */
import 'server-only';
import { readFileSync } from 'node:fs';

export interface TemporalTlsConfig {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

export interface TemporalSettings {
  address: string;
  namespace: string;
  /** `undefined`: plain connection; an object: TLS. */
  tls?: TemporalTlsConfig;
  apiKey?: string;
}

/** A PEM given inline, or read from the path given. */
function pemOrFile(value: string, variable: string): Buffer {
  if (value.includes('-----BEGIN')) return Buffer.from(value.replace(/\\n/g, '\n'));
  try {
    return readFileSync(value);
  } catch (error) {
    throw new Error(`${variable}: cannot read ${value} (${error instanceof Error ? error.message : String(error)})`);
  }
}

export function temporalSettings(env: Record<string, string | undefined> = process.env): TemporalSettings {
  const address = env.TEMPORAL_ADDRESS?.trim() || '127.0.0.1:7233';
  const namespace = env.TEMPORAL_NAMESPACE?.trim() || 'default';
  const apiKey = env.TEMPORAL_API_KEY?.trim() || undefined;
  const cert = env.TEMPORAL_TLS_CERT?.trim();
  const key = env.TEMPORAL_TLS_KEY?.trim();
  if (Boolean(cert) !== Boolean(key)) {
    throw new Error('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together');
  }
  const ca = env.TEMPORAL_TLS_CA?.trim();
  const serverName = env.TEMPORAL_TLS_SERVER_NAME?.trim();
  const wantsTls = Boolean(cert || ca || serverName || apiKey) || env.TEMPORAL_TLS === 'true';

  let tls: TemporalTlsConfig | undefined;
  if (wantsTls) {
    tls = {};
    if (cert && key) {
      tls.clientCertPair = { crt: pemOrFile(cert, 'TEMPORAL_TLS_CERT'), key: pemOrFile(key, 'TEMPORAL_TLS_KEY') };
    }
    if (ca) tls.serverRootCACertificate = pemOrFile(ca, 'TEMPORAL_TLS_CA');
    if (serverName) tls.serverNameOverride = serverName;
  }
  return { address, namespace, tls, apiKey };
}

/** Options for `Connection.connect` / `NativeConnection.connect` (both take these fields). */
export function temporalConnectionOptions(settings: TemporalSettings = temporalSettings()): {
  address: string;
  tls?: TemporalTlsConfig;
  apiKey?: string;
} {
  return {
    address: settings.address,
    ...(settings.tls ? { tls: settings.tls } : {}),
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
  };
}

/**
 * The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL speaks it in its startup
 * handshake (https://www.postgresql.org/docs/current/sasl-authentication.html). Server-only.
 *
 * Only the verifier (salt, iterations, StoredKey, ServerKey) is kept, never the password, and a
 * login for an unknown user runs the same exchange against a decoy verifier, so that the answer
 * does not tell which user names exist (as PostgreSQL does).
 * No channel binding: the embedded database listens on loopback without TLS, so only
 * "SCRAM-SHA-256" is offered, not "SCRAM-SHA-256-PLUS".
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export const SCRAM_MECHANISM = 'SCRAM-SHA-256';
/** PostgreSQL's default scram_iterations. */
const DEFAULT_ITERATIONS = 4096;

export interface ScramVerifier {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

const hmac = (key: Buffer, text: string | Buffer) => createHmac('sha256', key).update(text).digest();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/** A verifier no password matches: for logins as an unknown user. */
export function decoyScramVerifier(): ScramVerifier {
  return { ...scramVerifier(randomBytes(24).toString('base64')), storedKey: randomBytes(32) };
}

export function scramVerifier(password: string, iterations = DEFAULT_ITERATIONS, salt = randomBytes(16)): ScramVerifier {
  // PostgreSQL runs SASLprep on the password; ours are base64url (ASCII), for which it is the identity.
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  return { salt, iterations, storedKey: sha256(hmac(salted, 'Client Key')), serverKey: hmac(salted, 'Server Key') };
}

/** Thrown for a malformed SCRAM message: the connection is refused with this reason. */
export class ScramProtocolError extends Error {}

/** The attributes of a SCRAM message ("a=1,b=2"): the value runs to the next comma. */
function attributes(message: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq !== 1) throw new ScramProtocolError(`malformed SCRAM attribute "${part.slice(0, 20)}"`);
    map.set(part[0]!, part.slice(2));
  }
  return map;
}

/**
 * One login attempt against `verifier`. For an unknown user, pass a decoy verifier (one per
 * server, so that its salt does not change between attempts) and `acceptable: false`: the
 * exchange runs to the end and fails like a wrong password.
 */
export class ScramExchange {
  private gs2Header = '';
  private clientFirstBare = '';
  private serverFirst = '';
  private nonce = '';

  constructor(
    private readonly verifier: ScramVerifier,
    private readonly acceptable = true,
  ) {}

  /** client-first-message ("n,,n=,r=<nonce>") → server-first-message. */
  first(clientFirst: string): string {
    const header = /^([ny]),(?:a=[^,]*)?,/.exec(clientFirst);
    if (!header) {
      if (clientFirst.startsWith('p=')) throw new ScramProtocolError('channel binding is not supported');
      throw new ScramProtocolError('malformed SCRAM client-first-message');
    }
    this.gs2Header = header[0];
    this.clientFirstBare = clientFirst.slice(header[0].length);
    const clientNonce = attributes(this.clientFirstBare).get('r');
    if (!clientNonce || !/^[\x21-\x2b\x2d-\x7e]+$/.test(clientNonce)) throw new ScramProtocolError('malformed SCRAM client nonce');
    this.nonce = clientNonce + randomBytes(18).toString('base64');
    this.serverFirst = `r=${this.nonce},s=${this.verifier.salt.toString('base64')},i=${this.verifier.iterations}`;
    return this.serverFirst;
  }

  /** client-final-message ("c=…,r=…,p=<proof>") → server-final-message, or null when the proof is wrong. */
  final(clientFinal: string): string | null {
    const proofAt = clientFinal.lastIndexOf(',p=');
    if (proofAt < 0) throw new ScramProtocolError('SCRAM client-final-message without a proof');
    const withoutProof = clientFinal.slice(0, proofAt);
    const fields = attributes(withoutProof);
    if (fields.get('r') !== this.nonce) throw new ScramProtocolError('SCRAM nonce mismatch');
    const binding = Buffer.from(fields.get('c') ?? '', 'base64').toString('latin1');
    if (binding !== this.gs2Header) throw new ScramProtocolError('unexpected SCRAM channel binding');
    const proof = Buffer.from(clientFinal.slice(proofAt + 3), 'base64');
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const signature = hmac(this.verifier.storedKey, authMessage);
    if (proof.length !== signature.length) return null;
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i]! ^ signature[i]!;
    const matches = timingSafeEqual(sha256(clientKey), this.verifier.storedKey);
    if (!matches || !this.acceptable) return null;
    return `v=${hmac(this.verifier.serverKey, authMessage).toString('base64')}`;
  }
}

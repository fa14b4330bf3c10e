/**
 * The password step of the PostgreSQL startup handshake, for the embedded database's wire server
 * (db/wire-server.ts). Server-only.
 *
 * PGlite itself trusts whoever sends a startup message (it answers AuthenticationOk for any user),
 * so the wire server runs SCRAM-SHA-256 with the client first and hands the startup message to
 * PGlite only once the client has proven it knows the password. One user, one database.
 */
import { SCRAM_MECHANISM, ScramExchange, ScramProtocolError, decoyScramVerifier, scramVerifier, type ScramVerifier } from './scram';

export interface WireCredentials {
  user: string;
  password: string;
  /** The one database served: PGlite has one. */
  database: string;
}

/** The credentials as the server keeps them: a SCRAM verifier, not the password. */
export class WireAuthenticator {
  private readonly verifier: ScramVerifier;
  private readonly decoy = decoyScramVerifier();

  constructor(private readonly credentials: WireCredentials) {
    if (!credentials.password) throw new Error('the embedded database needs a password');
    this.verifier = scramVerifier(credentials.password);
  }

  /** Starts a login for the parameters of a startup message; `send` what `begin()` returns. */
  login(parameters: Map<string, string>): StartupLogin {
    const user = parameters.get('user') ?? '';
    const database = parameters.get('database') || user;
    const known = user === this.credentials.user;
    return new StartupLogin(user, database === this.credentials.database ? null : database, new ScramExchange(known ? this.verifier : this.decoy, known));
  }
}

export type LoginStep = { send: Buffer[]; outcome: 'continue' | 'authenticated' | 'refused'; reason?: string };

/** One connection's way through SASL: AuthenticationSASL → SASLInitialResponse → SASLContinue → SASLResponse → SASLFinal. */
export class StartupLogin {
  private stage: 'initial' | 'final' = 'initial';

  constructor(
    private readonly user: string,
    /** A database other than the one served, refused once the password is right (as PostgreSQL does). */
    private readonly unknownDatabase: string | null,
    private readonly exchange: ScramExchange,
  ) {}

  begin(): Buffer {
    return authentication(10, Buffer.from(`${SCRAM_MECHANISM}\0\0`));
  }

  /** A message of type 'p' (the password family) from the client, without its type and length. */
  receive(body: Buffer): LoginStep {
    try {
      if (this.stage === 'initial') {
        const { mechanism, data } = parseInitialResponse(body);
        if (mechanism !== SCRAM_MECHANISM) return refuse('08P01', `SASL mechanism ${JSON.stringify(mechanism)} is not supported`);
        this.stage = 'final';
        return { send: [authentication(11, Buffer.from(this.exchange.first(data)))], outcome: 'continue' };
      }
      const serverFinal = this.exchange.final(body.toString('utf8'));
      if (serverFinal === null) return refuse('28P01', `password authentication failed for user "${this.user}"`);
      if (this.unknownDatabase !== null) return refuse('3D000', `database "${this.unknownDatabase}" does not exist`);
      return { send: [authentication(12, Buffer.from(serverFinal))], outcome: 'authenticated' };
    } catch (error) {
      if (error instanceof ScramProtocolError || error instanceof RangeError) return refuse('08P01', `invalid SCRAM message: ${error.message}`);
      throw error;
    }
  }
}

/** A refusal during the handshake: an ErrorResponse, after which the server closes the connection. */
export function refuse(code: string, message: string): LoginStep {
  return { send: [errorResponse(code, message)], outcome: 'refused', reason: message };
}

/** The key/value pairs of a protocol-3 startup message (length and version included). */
export function startupParameters(message: Buffer): Map<string, string> {
  const parts = message.subarray(8).toString('utf8').split('\0');
  const parameters = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length && parts[i] !== ''; i += 2) parameters.set(parts[i]!, parts[i + 1]!);
  return parameters;
}

function parseInitialResponse(body: Buffer): { mechanism: string; data: string } {
  const end = body.indexOf(0);
  if (end < 0) throw new ScramProtocolError('SASLInitialResponse without a mechanism');
  const mechanism = body.subarray(0, end).toString('utf8');
  const length = body.readInt32BE(end + 1);
  const data = length < 0 ? '' : body.subarray(end + 5, end + 5 + length).toString('utf8');
  return { mechanism, data };
}

function authentication(kind: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.write('R', 0, 'latin1');
  head.writeInt32BE(8 + payload.length, 1);
  head.writeInt32BE(kind, 5);
  return Buffer.concat([head, payload]);
}

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`, 'utf8');
  const head = Buffer.alloc(5);
  head.write('E', 0, 'latin1');
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

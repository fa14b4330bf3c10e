/**
 * A PostgreSQL wire-protocol server in front of one PGlite instance, for several client
 * connections (several processes).
 *
 * Why not PGLiteSocketServer's multiplexer: it queues *single protocol messages* from all
 * connections, so the extended-protocol messages of two clients interleave (A: Parse, B: Parse,
 * A: Bind …) and node-postgres fails with "unnamed prepared statement does not exist" as soon as
 * two connections query at once. Here a connection's messages are run as one unit up to and
 * including Sync (or a simple Query), and a connection that holds an open transaction block (or
 * an unfinished extended batch) keeps the database until it ends it. Other connections wait.
 * pglite-socket 0.2 also has no authentication at all (PGlite answers AuthenticationOk to any
 * startup message): here a client must pass SCRAM-SHA-256 (db/wire-auth.ts) before its startup
 * message reaches PGlite.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { WireAuthenticator, refuse, startupParameters, type LoginStep, type StartupLogin, type WireCredentials } from './wire-auth';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** A connection holding a transaction this long without sending anything is cut off. */
const DEFAULT_IDLE_IN_TRANSACTION_MS = 60_000;
/** A client that has not logged in by then is cut off (PostgreSQL's authentication_timeout is 1 min). */
const DEFAULT_AUTHENTICATION_TIMEOUT_MS = 30_000;
/** No message before login is longer (PostgreSQL refuses startup packets over 10000 bytes too). */
const MAX_LOGIN_MESSAGE = 10_000;

interface Unit {
  conn: WireConnection;
  messages: Uint8Array[];
  /** True when the unit ends the batch (Sync or simple Query); false for Flush. */
  complete: boolean;
}

class WireConnection {
  buffer: Buffer = Buffer.alloc(0);
  started = false;
  /** Between the startup message and the end of the password exchange. */
  login: { startup: Uint8Array; exchange: StartupLogin; timer: NodeJS.Timeout } | null = null;
  pending: Uint8Array[] = [];
  /** Refused at login: whatever else it sends is ignored until it closes. */
  refused = false;
  closed = false;
  constructor(
    readonly id: number,
    readonly socket: Socket,
  ) {}
}

export interface WireServerOptions {
  db: PGlite;
  host?: string;
  port: number;
  /** Who may connect: the one user, its password and the database name. */
  credentials: WireCredentials;
  idleInTransactionMs?: number;
  authenticationTimeoutMs?: number;
  log?: (message: string) => void;
}

export class PgliteWireServer {
  private server: Server | null = null;
  private readonly queue: Unit[] = [];
  private owner: WireConnection | null = null;
  private ownerTimer: NodeJS.Timeout | null = null;
  private running = false;
  private nextId = 1;
  private readonly connections = new Set<WireConnection>();
  private readonly log: (message: string) => void;
  private readonly authenticator: WireAuthenticator;

  constructor(private readonly options: WireServerOptions) {
    this.log = options.log ?? (() => {});
    this.authenticator = new WireAuthenticator(options.credentials);
  }

  get address(): { host: string; port: number } {
    const address = this.server?.address();
    if (!address || typeof address === 'string') throw new Error('server is not listening');
    return { host: address.address, port: address.port };
  }

  async start(): Promise<void> {
    await this.options.db.waitReady;
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    for (const conn of this.connections) conn.socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }

  stats(): { connections: number; queued: number } {
    return { connections: this.connections.size, queued: this.queue.length };
  }

  private accept(socket: Socket): void {
    const conn = new WireConnection(this.nextId++, socket);
    this.connections.add(conn);
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.receive(conn, chunk));
    socket.on('error', (error) => this.log(`connection #${conn.id}: ${error.message}`));
    socket.on('close', () => void this.drop(conn));
  }

  /** Splits the byte stream into protocol messages and queues them as units. */
  private receive(conn: WireConnection, chunk: Buffer): void {
    if (conn.refused) return;
    conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
    if (this.owner === conn) this.resetOwnerTimer();
    for (;;) {
      if (conn.login) {
        if (!this.receiveLogin(conn)) return;
        continue;
      }
      if (!conn.started) {
        if (conn.buffer.length < 8) return;
        const length = conn.buffer.readInt32BE(0);
        if (length < 8 || length > MAX_LOGIN_MESSAGE) {
          this.log(`connection #${conn.id}: invalid startup message length ${length}`);
          conn.socket.destroy();
          return;
        }
        if (conn.buffer.length < length) return;
        const code = conn.buffer.readInt32BE(4);
        const message = conn.buffer.subarray(0, length);
        conn.buffer = conn.buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          conn.socket.write('N');
          continue;
        }
        if (code === CANCEL_REQUEST) {
          conn.socket.end();
          return;
        }
        if (code !== PROTOCOL_3) {
          this.log(`connection #${conn.id}: unsupported protocol ${code}`);
          conn.socket.destroy();
          return;
        }
        const exchange = this.authenticator.login(startupParameters(message));
        const timeoutMs = this.options.authenticationTimeoutMs ?? DEFAULT_AUTHENTICATION_TIMEOUT_MS;
        const timer = setTimeout(() => this.answerLogin(conn, refuse('08006', 'authentication timed out')), timeoutMs);
        timer.unref();
        conn.login = { startup: new Uint8Array(message), exchange, timer };
        conn.socket.write(exchange.begin());
        continue;
      }
      if (conn.buffer.length < 5) return;
      const length = 1 + conn.buffer.readInt32BE(1);
      if (conn.buffer.length < length) return;
      const type = String.fromCharCode(conn.buffer[0]);
      const message = new Uint8Array(conn.buffer.subarray(0, length));
      conn.buffer = conn.buffer.subarray(length);
      if (type === 'X') {
        conn.socket.end();
        return;
      }
      conn.pending.push(message);
      if (type === 'S' || type === 'Q' || type === 'H') {
        this.enqueue({ conn, messages: conn.pending, complete: type !== 'H' });
        conn.pending = [];
      }
    }
  }

  /**
   * One message of the password exchange, if it has fully arrived (false when more bytes are
   * needed or the connection is refused). Nothing reaches PGlite before the exchange succeeds.
   */
  private receiveLogin(conn: WireConnection): boolean {
    if (conn.buffer.length < 5) return false;
    const type = String.fromCharCode(conn.buffer[0]!);
    const length = 1 + conn.buffer.readInt32BE(1);
    if (type !== 'p' || length < 5 || length > MAX_LOGIN_MESSAGE) {
      this.answerLogin(conn, refuse('08P01', `expected a password message, got "${type}"`));
      return false;
    }
    if (conn.buffer.length < length) return false;
    const body = conn.buffer.subarray(5, length);
    conn.buffer = conn.buffer.subarray(length);
    return this.answerLogin(conn, conn.login!.exchange.receive(Buffer.from(body)));
  }

  private answerLogin(conn: WireConnection, step: LoginStep): boolean {
    const login = conn.login;
    if (!login || conn.closed) return false;
    for (const message of step.send) conn.socket.write(message);
    if (step.outcome === 'continue') return true;
    clearTimeout(login.timer);
    conn.login = null;
    if (step.outcome === 'refused') {
      this.log(`connection #${conn.id}: login refused: ${step.reason ?? 'no reason'}`);
      conn.refused = true;
      conn.buffer = Buffer.alloc(0);
      conn.socket.end();
      // A client that keeps its side open after the refusal is not kept waiting on.
      setTimeout(() => conn.socket.destroy(), 1_000).unref();
      return false;
    }
    // PGlite answers the startup message with AuthenticationOk, the parameters and ReadyForQuery.
    conn.started = true;
    this.enqueue({ conn, messages: [login.startup], complete: true });
    return true;
  }

  private enqueue(unit: Unit): void {
    this.queue.push(unit);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner ? this.queue.findIndex((u) => u.conn === this.owner) : 0;
        if (index < 0 || this.queue.length === 0) return;
        const [unit] = this.queue.splice(index, 1);
        if (unit.conn.closed) continue;
        await this.execute(unit);
      }
    } finally {
      this.running = false;
    }
  }

  private async execute(unit: Unit): Promise<void> {
    const { db } = this.options;
    const { conn } = unit;
    try {
      await db.runExclusive(async () => {
        for (const message of unit.messages) {
          await db.execProtocolRawStream(message, {
            onRawData: (data) => {
              if (data.length > 0 && !conn.closed && conn.socket.writable) conn.socket.write(data);
            },
          });
        }
      });
    } catch (error) {
      this.log(`connection #${conn.id}: ${error instanceof Error ? error.message : String(error)}`);
      conn.socket.destroy();
    }
    const holds = !conn.closed && (db.isInTransaction() || !unit.complete);
    this.setOwner(holds ? conn : null);
    if (conn.closed && db.isInTransaction()) await this.rollback(conn);
  }

  private setOwner(conn: WireConnection | null): void {
    if (this.owner === conn) {
      if (conn) this.resetOwnerTimer();
      return;
    }
    this.owner = conn;
    this.resetOwnerTimer();
  }

  private resetOwnerTimer(): void {
    if (this.ownerTimer) clearTimeout(this.ownerTimer);
    this.ownerTimer = null;
    const owner = this.owner;
    if (!owner) return;
    this.ownerTimer = setTimeout(() => {
      this.log(`connection #${owner.id}: idle in transaction for too long, closing it`);
      owner.socket.destroy();
    }, this.options.idleInTransactionMs ?? DEFAULT_IDLE_IN_TRANSACTION_MS);
    this.ownerTimer.unref();
  }

  private async drop(conn: WireConnection): Promise<void> {
    if (conn.closed) return;
    conn.closed = true;
    if (conn.login) clearTimeout(conn.login.timer);
    this.connections.delete(conn);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].conn === conn) this.queue.splice(i, 1);
    if (this.owner === conn && !this.running) {
      if (this.options.db.isInTransaction()) await this.rollback(conn);
      this.setOwner(null);
      void this.pump();
    }
  }

  private async rollback(conn: WireConnection): Promise<void> {
    this.log(`connection #${conn.id} closed inside a transaction: rolling it back`);
    try {
      await this.options.db.exec('ROLLBACK');
    } catch (error) {
      this.log(`rollback failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (this.owner === conn) this.setOwner(null);
  }
}

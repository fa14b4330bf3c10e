/**
 * One submission of the process form creates one process, however often it arrives and whichever
 * web instance it reaches: the form sends a key made when it was opened (or reset), and a create
 * repeating a key its author already used answers the first create's result instead of creating
 * again — a double click, an Enter pressed twice, a retry after a dropped connection, the load
 * balancer sending the second POST to another instance.
 *
 * The keys live in the database (process_create_keys, migration 0012): the first create claims its
 * key by inserting the row — the primary key (author, key) lets one insert win — before anything
 * else is made; a repeat finds the row and waits for the answer stored in it. A create that failed
 * before storing the process (bad input found late, a database error) forgets its key, so the
 * corrected form can be sent with the same key; once the process is stored the key stays used,
 * and a repeat gets the first create's answer, failure included. Keys expire KEY_TTL_MS after the
 * answer.
 */
import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { processCreateKeys } from '@/db/schema';
import { ApiError, errorResponse, type ApiErrorBody } from '../api/errors';
import type { DeployResult } from '../deploy/pipeline';
import { getProcess, type StoredProcess } from './store';

/** Long enough for a deploy to finish and the user to click again; short enough to stay small. */
export const KEY_TTL_MS = 15 * 60_000;

/**
 * How long a repeat waits for the first create's answer: past the deploy's own limits (the
 * verifier's 180 s and the worker wait's 30 s, lib/deploy) with room for the replay check. A claim
 * older than this with no process stored is a create that died with its instance: it is released.
 */
export const CREATE_WAIT_MS = 5 * 60_000;

const POLL_MS = 250;

export interface Created {
  process: StoredProcess;
  deploy: DeployResult;
}

/** What the first create answered, as stored for the repeats. */
type StoredAnswer = { deploy: DeployResult } | { error: { status: number; body: { error: ApiErrorBody } & Record<string, unknown> } };

export interface CreateOnceOptions {
  /** The database (tests: one handle per simulated web instance); the process-wide one otherwise. */
  db?: Db;
  now?: () => number;
  pollMs?: number;
  waitMs?: number;
}

/** Tells the key which process its create stored: call it as soon as the process row exists. */
export type RecordProcess = (processId: string) => Promise<void>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `create` once per (author, key) across every instance sharing the database: a repeat while
 * it runs waits for its answer (up to `waitMs`), a repeat after it answered gets the same answer.
 * Without a key, every call creates.
 */
export async function createOnce(
  { authorId, key, name }: { authorId: string; key: string | undefined; name: string },
  create: (recordProcess: RecordProcess) => Promise<Created>,
  { db: dbArg, now = Date.now, pollMs = POLL_MS, waitMs = CREATE_WAIT_MS }: CreateOnceOptions = {},
): Promise<Created> {
  if (key === undefined) return create(async () => {});
  const db = dbArg ?? (await getDb());
  const thisKey = and(eq(processCreateKeys.authorId, authorId), eq(processCreateKeys.key, key));
  const deadline = now() + waitMs;
  for (;;) {
    const at = now();
    await db
      .delete(processCreateKeys)
      .where(
        or(
          // Every expired key, whoever's: the table holds only the last KEY_TTL_MS of submissions.
          lt(processCreateKeys.settledAt, new Date(at - KEY_TTL_MS)),
          and(thisKey, isNull(processCreateKeys.processId), isNull(processCreateKeys.settledAt), lt(processCreateKeys.claimedAt, new Date(at - waitMs))),
        ),
      );
    const [claimed] = await db.insert(processCreateKeys).values({ authorId, key, processName: name, claimedAt: new Date(at) }).onConflictDoNothing().returning();
    if (claimed) return runClaimed(db, thisKey, create, now);
    const [existing] = await db.select().from(processCreateKeys).where(thisKey);
    if (!existing) continue; // forgotten since the insert (the first create failed): claim it now
    if (existing.processName !== name) {
      throw new ApiError(409, 'process.idempotency-key-reused', `This submission (idempotencyKey) already created the process "${existing.processName}"; reload the form to create "${name}"`, { field: 'idempotencyKey' });
    }
    if (existing.answer && existing.processId) return answerOf(db, existing.processId, existing.answer as StoredAnswer);
    if (now() >= deadline) {
      throw new ApiError(409, 'process.create-unfinished', `The first create of "${name}" by this submission (idempotencyKey) did not finish within ${Math.round(waitMs / 1000)} s; look for the process in the list before creating it again`, { field: 'idempotencyKey' });
    }
    await sleep(pollMs);
  }
}

async function runClaimed(db: Db, thisKey: ReturnType<typeof and>, create: (recordProcess: RecordProcess) => Promise<Created>, now: () => number): Promise<Created> {
  let processId: string | null = null;
  const settle = (answer: StoredAnswer) =>
    db
      .update(processCreateKeys)
      // JSON: a repeat answers it as the first create's response did (dates as strings).
      .set({ answer: JSON.parse(JSON.stringify(answer)) as Record<string, unknown>, settledAt: new Date(now()) })
      .where(thisKey)
      .catch((error: unknown) => console.error('approvals: could not store the answer of a process create for its repeats:', error));
  try {
    const created = await create(async (id) => {
      await db.update(processCreateKeys).set({ processId: id }).where(thisKey);
      processId = id;
    });
    await settle({ deploy: created.deploy });
    return created;
  } catch (error) {
    if (processId === null) {
      // Nothing was stored: the corrected submission may use the key again.
      await db.delete(processCreateKeys).where(thisKey);
      throw error;
    }
    const response = errorResponse(error);
    await settle({ error: { status: response.status, body: (await response.json()) as { error: ApiErrorBody } } });
    throw error;
  }
}

async function answerOf(db: Db, processId: string, answer: StoredAnswer): Promise<Created> {
  if ('error' in answer) {
    const { status, body } = answer.error;
    const { error: { message, code, ...details }, ...extra } = body;
    throw new ApiError(status, code, message, details, extra);
  }
  const process = await getProcess({ db, id: processId });
  if (!process) throw new ApiError(404, 'process.not-found', `Approval process ${processId} not found`);
  return { process, deploy: answer.deploy };
}

/**
 * One submission of the process form creates one process, however often it arrives: the form
 * sends a key made when it was opened (or reset), and a create repeating a key its author already
 * used answers the first create's result instead of creating again — a double click, an Enter
 * pressed twice, a retry after a dropped connection. A create that failed before creating anything
 * (bad input) forgets its key, so the corrected form can be sent with the same key.
 *
 * The keys live in this server process's memory for KEY_TTL_MS: the app runs as one Next server
 * (a second instance would need them in the database).
 */
import 'server-only';
import { ApiError } from '../api/errors';

/** Long enough for a deploy to finish and the user to click again; short enough to stay small. */
export const KEY_TTL_MS = 15 * 60_000;

interface Entry {
  /** The process name the key was first used for: the same key for another name is a client bug. */
  name: string;
  result: Promise<unknown>;
  /** When the first create settled (expiry counts from then); null while it runs. */
  settledAt: number | null;
}

const entries = new Map<string, Entry>();

function forgetExpired(now: number): void {
  for (const [key, entry] of entries) if (entry.settledAt !== null && now - entry.settledAt > KEY_TTL_MS) entries.delete(key);
}

/**
 * Runs `create` once per (author, key): a repeat while it runs waits for it, a repeat after it
 * answered gets the same answer. A `create` that throws forgets the key (nothing was made).
 * Without a key, every call creates.
 */
export async function createOnce<T>({ authorId, key, name }: { authorId: string; key: string | undefined; name: string }, create: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  if (key === undefined) return create();
  forgetExpired(now());
  const id = `${authorId}\u0000${key}`;
  const existing = entries.get(id);
  if (existing) {
    if (existing.name !== name) {
      throw new ApiError(409, 'process.idempotency-key-reused', `This submission (idempotencyKey) already created the process "${existing.name}"; reload the form to create "${name}"`, { field: 'idempotencyKey' });
    }
    return existing.result as Promise<T>;
  }
  const entry: Entry = { name, result: create(), settledAt: null };
  entries.set(id, entry);
  try {
    const result = await entry.result;
    entry.settledAt = now();
    return result as T;
  } catch (error) {
    entries.delete(id);
    throw error;
  }
}

/** Tests only: forget every key. */
export function forgetAllKeys(): void {
  entries.clear();
}

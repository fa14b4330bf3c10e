/**
 * The designs the live code view was last answered for, per signed-in user and open editor, so
 * its next request can send only what changed (lib/designs/patch.ts). Kept in this process's memory
 * only: after a restart, or behind a load balancer on another instance, the base is unknown and the
 * editor sends the whole design again (the compile route answers 409 compile.base-unknown).
 */
import 'server-only';
import type { Design } from '@/codegen/design';

/** Sequence numbers kept per editor: the last answered one, and a few sent after it (superseded requests). */
const KEPT_PER_EDITOR = 4;
/** Editors remembered at most (the least recently used is dropped first). */
export const MAX_EDITORS = 32;
/** An editor not heard from for this long is forgotten. */
export const EDITOR_IDLE_MS = 15 * 60_000;
/**
 * Bytes of design JSON kept at most, all editors together (the least recently used editors go
 * first). A design built from a change is counted at its base's size plus the change, as if it
 * shared nothing with its base (it shares all unchanged nodes): an upper bound.
 */
export const MAX_BYTES = 48 * 1024 * 1024;

interface Kept {
  design: Design;
  bytes: number;
}

interface Editor {
  designs: Map<number, Kept>;
  seenAt: number;
}

export class CompileSessions {
  private readonly editors = new Map<string, Editor>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The design `editor` of `userId` sent as `seq` and its size, if still kept. */
  get(userId: string, editor: string, seq: number): Kept | undefined {
    const entry = this.touch(`${userId}\0${editor}`);
    return entry?.designs.get(seq);
  }

  /** Remembers the design `editor` sent as `seq` (`bytes`: its JSON size), dropping its oldest ones and idle or surplus editors. */
  put(userId: string, editor: string, seq: number, design: Design, bytes: number): void {
    const key = `${userId}\0${editor}`;
    const entry = this.touch(key) ?? { designs: new Map<number, Kept>(), seenAt: this.now() };
    entry.designs.set(seq, { design, bytes });
    for (const old of [...entry.designs.keys()].sort((a, b) => a - b).slice(0, -KEPT_PER_EDITOR)) entry.designs.delete(old);
    this.editors.set(key, entry);
    this.prune(key);
  }

  /** Bytes kept, all editors together. */
  get bytes(): number {
    let total = 0;
    for (const entry of this.editors.values()) for (const kept of entry.designs.values()) total += kept.bytes;
    return total;
  }

  get size(): number {
    return this.editors.size;
  }

  private touch(key: string): Editor | undefined {
    const entry = this.editors.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.seenAt > EDITOR_IDLE_MS) {
      this.editors.delete(key);
      return undefined;
    }
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.editors.delete(key);
    entry.seenAt = this.now();
    this.editors.set(key, entry);
    return entry;
  }

  /** Drops idle editors, then the least recently used ones while over a limit (never `keep`, the one just used). */
  private prune(keep: string): void {
    let bytes = this.bytes;
    for (const [key, entry] of this.editors) {
      const over = this.editors.size > MAX_EDITORS || bytes > MAX_BYTES;
      if (key === keep || (!over && this.now() - entry.seenAt <= EDITOR_IDLE_MS)) continue;
      for (const kept of entry.designs.values()) bytes -= kept.bytes;
      this.editors.delete(key);
    }
  }
}

/** This process's sessions (the compile route's). */
export const compileSessions = new CompileSessions();

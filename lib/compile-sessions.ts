/**
 * The designs the live code view was last answered for, per signed-in user and open editor, so
 * its next request can send only what changed (lib/designs/patch.ts). Kept in this process's memory
 * only: after a restart, or behind a load balancer on another instance, the base is unknown and the
 * editor sends the whole design again (the compile route answers 409 compile.base-unknown).
 */
import type { Design } from '../codegen/schema/design';

/** Sequence numbers kept per editor: the last answered one, and a few sent after it (superseded requests). */
const KEPT_PER_EDITOR = 4;
/** Editors remembered at most (the least recently used is dropped first). */
export const MAX_EDITORS = 32;
/** An editor not heard from for this long is forgotten. */
export const EDITOR_IDLE_MS = 15 * 60_000;

interface Editor {
  designs: Map<number, Design>;
  seenAt: number;
}

export class CompileSessions {
  private readonly editors = new Map<string, Editor>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The design `editor` of `userId` sent as `seq`, if still kept. */
  get(userId: string, editor: string, seq: number): Design | undefined {
    const entry = this.touch(`${userId}\0${editor}`);
    return entry?.designs.get(seq);
  }

  /** Remembers the design `editor` sent as `seq`, dropping its oldest ones and idle or surplus editors. */
  put(userId: string, editor: string, seq: number, design: Design): void {
    const key = `${userId}\0${editor}`;
    const entry = this.touch(key) ?? { designs: new Map<number, Design>(), seenAt: this.now() };
    entry.designs.set(seq, design);
    for (const old of [...entry.designs.keys()].sort((a, b) => a - b).slice(0, -KEPT_PER_EDITOR)) entry.designs.delete(old);
    this.editors.set(key, entry);
    this.prune();
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

  private prune(): void {
    for (const [key, entry] of this.editors) {
      if (this.editors.size > MAX_EDITORS || this.now() - entry.seenAt > EDITOR_IDLE_MS) this.editors.delete(key);
    }
  }
}

/** This process's sessions (the compile route's). */
export const compileSessions = new CompileSessions();

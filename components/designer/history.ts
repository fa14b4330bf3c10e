import type { DesignerEdge, DesignerNode, WorkflowSettings } from '../flow/types';

/** What undo/redo restores: the whole editable content (arrays are immutable, so snapshots are cheap). */
export interface Snapshot {
  workflow: WorkflowSettings;
  nodes: DesignerNode[];
  edges: DesignerEdge[];
}

export interface History {
  past: Snapshot[];
  future: Snapshot[];
  /** The coalescing key of the last recorded edit: a drag or a run of typing in one field is one undo step. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
/** Edits with the same key closer together than this merge into one undo step. */
export const COALESCE_MS = 1000;

export const emptyHistory = (): History => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/**
 * Call BEFORE applying an edit, with the content as it is now. A new step is pushed unless the
 * edit continues the previous one (same key, within COALESCE_MS); any edit clears the redo stack.
 */
export function record(history: History, current: Snapshot, key: string | null, now: number): History {
  const continues = key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS;
  if (continues) return { ...history, future: [], lastAt: now };
  const past = [...history.past, current];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], lastKey: key, lastAt: now };
}

/** Ends a coalescing run (e.g. a drag ended), so the next edit starts a new step. */
export const endRun = (history: History): History => ({ ...history, lastKey: null });

export function undo(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const snapshot = history.past.at(-1);
  if (!snapshot) return null;
  return {
    snapshot,
    history: { past: history.past.slice(0, -1), future: [current, ...history.future], lastKey: null, lastAt: 0 },
  };
}

export function redo(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const [snapshot, ...future] = history.future;
  if (!snapshot) return null;
  return { snapshot, history: { past: [...history.past, current], future, lastKey: null, lastAt: 0 } };
}

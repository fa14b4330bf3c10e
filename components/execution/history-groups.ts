/**
 * The timeline's compact view, like Temporal UI's: an activity's scheduled / started / completed,
 * an update's admitted / accepted / completed, a timer's started / fired, a child's events are
 * one row each (which expands to its events); everything else is a row of its own. Pure and
 * linear, so 50,000 events group in a few milliseconds whenever a page arrives.
 */
import type { HistoryEventRow, HistoryKind } from '@/lib/executions/history-row';
import { eventWords, type WordsContext } from './history-words';

export interface HistoryGroup {
  /** The events' shared key ("activity:5") or "event:<id>" for an event on its own. */
  key: string;
  kind: HistoryKind;
  /** Only bookkeeping events (workflow tasks, markers): left out of the compact view. */
  internal: boolean;
  /** Oldest first. */
  events: HistoryEventRow[];
  /** The name, duration and latest attempt its events told. */
  context: WordsContext;
}

/** Groups rows (oldest first) in the order of their first event. */
export function groupEvents(rows: readonly HistoryEventRow[]): HistoryGroup[] {
  const groups: HistoryGroup[] = [];
  const byKey = new Map<string, HistoryGroup>();
  for (const row of rows) {
    const key = row.group ?? `event:${row.id}`;
    let group = byKey.get(key);
    if (!group) {
      group = { key, kind: row.kind, internal: true, events: [], context: {} };
      byKey.set(key, group);
      groups.push(group);
    }
    group.events.push(row);
    if (!row.internal) group.internal = false;
    if (row.name && !group.context.name) group.context.name = row.name;
    if (row.duration && !group.context.duration) group.context.duration = row.duration;
    if (row.attempt != null) group.context.attempt = row.attempt;
  }
  return groups;
}

/** A group's row in words: its latest event's, named from the group ("Activity notify completed"). */
export function groupWords(group: HistoryGroup, labelOf?: (nodeId: string) => string | undefined): string {
  return eventWords(group.events.at(-1)!, { ...group.context, labelOf });
}

/** The words of one event of a group (the full list, an expanded group). */
export function wordsInGroup(row: HistoryEventRow, group: HistoryGroup | undefined, labelOf?: (nodeId: string) => string | undefined): string {
  return eventWords(row, { ...group?.context, attempt: row.attempt ?? group?.context.attempt, labelOf });
}

/** The filter chips, in the order shown. */
export const HISTORY_KINDS: { kind: HistoryKind; label: string }[] = [
  { kind: 'workflow', label: 'Workflow' },
  { kind: 'signal', label: 'Signals' },
  { kind: 'update', label: 'Updates' },
  { kind: 'activity', label: 'Activities' },
  { kind: 'timer', label: 'Timers' },
  { kind: 'child', label: 'Child workflows' },
];

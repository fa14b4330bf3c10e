'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { Design } from '@/codegen/design';
import type { HistoryEventRow, HistoryKind } from '@/lib/executions/history-row';
import { Icon } from '../ui/Icon';
import { groupEvents, groupWords, HISTORY_KINDS, wordsInGroup, type HistoryGroup } from './history-groups';
import { linkGroupsToNodes } from './history-nodes';
import styles from './HistoryTimeline.module.css';
import { useHistoryRows } from './useHistoryRows';
import { useTimelineDesign } from './useTimelineDesign';

/** One line of the list: a group (compact view) or an event (an expanded group's, or the full list's). */
type Item =
  | { key: string; level: 'group'; group: HistoryGroup }
  | { key: string; level: 'event'; event: HistoryEventRow; group: HistoryGroup | undefined; nested: boolean };

const ROW_ESTIMATE = 34;
/** The sticky column header's height: the list starts below it (HistoryTimeline.module.css .header). */
const HEADER_PX = 28;

function detailsText(details: unknown): string {
  if (details === undefined) return '';
  return typeof details === 'string' ? details : JSON.stringify(details);
}

/** What a compact row shows: the value sent, and for an activity, update or child what came back. */
function groupDetails(group: HistoryGroup): string {
  const first = group.events[0]!;
  const last = group.events.at(-1)!;
  const sent = detailsText(first.details);
  if (last === first || !['activity', 'update', 'child'].includes(group.kind) || last.details === undefined) return sent;
  return `${sent} → ${detailsText(last.details)}`;
}

const clock = (iso: string) => new Date(iso).toLocaleTimeString();

export interface HistoryTimelineProps {
  workflowId: string;
  runId: string;
  /** The run's history length (describe): more events are fetched as it grows. */
  total: number;
  /** The design the run executes: events then name and link their nodes (absent: read once from the execution's detail). */
  design?: Pick<Design, 'nodes'> | null;
  /** The node whose events alone are shown (null: all). */
  selectedNodeId?: string | null;
  /** An event's node chip was clicked (a node id), or "show all" (null). */
  onSelectNode?: (nodeId: string | null) => void;
}

/**
 * The event history as a readable timeline: events in words with their values decoded, an
 * activity's, update's, timer's or child's events as one row that expands (or every event, by
 * the toggle), filtered by kind and by node, each linked to its design node. Only the rows in
 * view are in the page (virtualised), so 50,000 events scroll as 50 do.
 */
export function HistoryTimeline({ workflowId, runId, total, design: givenDesign, selectedNodeId = null, onSelectNode }: HistoryTimelineProps) {
  const design = useTimelineDesign(workflowId, givenDesign);
  const { rows, loading, error, retry } = useHistoryRows(workflowId, runId, total);
  const [compact, setCompact] = useState(true);
  const [hidden, setHidden] = useState<ReadonlySet<HistoryKind>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => groupEvents(rows), [rows]);
  const groupOf = useMemo(() => new Map(groups.map((g) => [g.key, g])), [groups]);
  const links = useMemo(() => linkGroupsToNodes(groups, design), [groups, design]);
  const labels = useMemo(() => new Map((design?.nodes ?? []).map((n) => [n.id, n.label || n.id])), [design]);
  const labelOf = (nodeId: string) => labels.get(nodeId);

  const items = useMemo<Item[]>(() => {
    const shown = (group: HistoryGroup) => !hidden.has(group.kind) && (selectedNodeId == null || links.get(group.key) === selectedNodeId);
    const out: Item[] = [];
    if (compact) {
      for (const group of groups) {
        if (group.internal || !shown(group)) continue;
        out.push({ key: group.key, level: 'group', group });
        if (expanded.has(group.key) && group.events.length > 1) {
          for (const event of group.events) out.push({ key: `${group.key}/${event.id}`, level: 'event', event, group, nested: true });
        }
      }
    } else {
      for (const event of rows) {
        const group = groupOf.get(event.group ?? `event:${event.id}`);
        if (group && shown(group)) out.push({ key: String(event.id), level: 'event', event, group, nested: false });
      }
    }
    return out;
  }, [compact, groups, groupOf, rows, hidden, expanded, selectedNodeId, links]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    scrollMargin: HEADER_PX,
    getItemKey: (index) => items[index]!.key,
  });

  const toggleKind = (kind: HistoryKind) => setHidden((now) => {
    const next = new Set(now);
    if (!next.delete(kind)) next.add(kind);
    return next;
  });
  const toggleGroup = (key: string) => setExpanded((now) => {
    const next = new Set(now);
    if (!next.delete(key)) next.add(key);
    return next;
  });

  const nodeChip = (groupKey: string | undefined) => {
    const nodeId = groupKey ? links.get(groupKey) : undefined;
    if (!nodeId) return <span />;
    return (
      <button type="button" className={styles.chip} data-testid="history-node-chip" data-node-id={nodeId}
        aria-pressed={selectedNodeId === nodeId} title={`Show ${labelOf(nodeId) ?? nodeId} on the diagram and its events here`}
        onClick={() => onSelectNode?.(nodeId)}>
        {labelOf(nodeId) ?? nodeId}
      </button>
    );
  };

  const renderItem = (item: Item) => {
    if (item.level === 'group') {
      const { group } = item;
      const first = group.events[0]!;
      const last = group.events.at(-1)!;
      const many = group.events.length > 1;
      const details = groupDetails(group);
      return (
        <div className={styles.row} data-testid="history-event" data-event-type={first.type} data-kind={group.kind} data-group={group.key}>
          <span className={styles.id}>{first.id}</span>
          <span className={styles.time} data-testid="history-time" title={first.time}>{clock(last.time)}</span>
          <span className={styles.words}>
            {many ? (
              <button type="button" className={styles.expander} aria-expanded={expanded.has(group.key)} onClick={() => toggleGroup(group.key)}
                data-testid="history-expand">
                <Icon name={expanded.has(group.key) ? 'chevron-down' : 'chevron-right'} size={12} />{' '}
                <span data-testid="history-words">{groupWords(group, labelOf)}</span>
                <span className={styles.count}> · {group.events.length} events</span>
              </button>
            ) : <span data-testid="history-words">{groupWords(group, labelOf)}</span>}
          </span>
          <code className={styles.details} title={details} data-clip-ok>{details}</code>
          {nodeChip(group.key)}
        </div>
      );
    }
    const { event, group, nested } = item;
    const details = detailsText(event.details);
    return (
      <div className={nested ? styles.nestedRow : styles.row} data-testid={nested ? 'history-group-event' : 'history-event'} data-event-type={event.type} data-kind={event.kind}>
        <span className={styles.id}>{event.id}</span>
        <span className={styles.time} data-testid="history-time" title={event.time}>{clock(event.time)}</span>
        <span className={styles.words} data-testid="history-words">{wordsInGroup(event, group, labelOf)}</span>
        <code className={styles.details} title={details} data-clip-ok>{details}</code>
        {nested ? <span /> : nodeChip(group?.key)}
      </div>
    );
  };

  const selectedLabel = selectedNodeId ? labelOf(selectedNodeId) ?? selectedNodeId : null;
  const empty = !loading && !error && items.length === 0;
  return (
    <div className={styles.timeline} data-testid="history-timeline" data-total={total} data-loaded={rows.length}>
      <div className={styles.toolbar} role="toolbar" aria-label="History view">
        <div className={styles.segmented} role="group" aria-label="Rows">
          <button type="button" aria-pressed={compact} onClick={() => setCompact(true)} data-testid="history-compact">Grouped</button>
          <button type="button" aria-pressed={!compact} onClick={() => setCompact(false)} data-testid="history-full">All events</button>
        </div>
        <div className={styles.kinds} role="group" aria-label="Show kinds" title="Queries read state without changing it: Temporal does not record them in the history.">
          {HISTORY_KINDS.map(({ kind, label }) => (
            <button key={kind} type="button" className={styles.kind} aria-pressed={!hidden.has(kind)} onClick={() => toggleKind(kind)}
              data-testid={`history-kind-${kind}`}>
              {label}
            </button>
          ))}
          <span className={styles.note} title="Queries read state without changing it: Temporal does not record them in the history.">Queries are not recorded</span>
        </div>
        <span className={styles.status} data-testid="history-status" aria-live="polite">
          {loading ? `Loading… ${rows.length.toLocaleString()} of ${Math.max(total, rows.length).toLocaleString()} events` : `${rows.length.toLocaleString()} events`}
        </span>
      </div>
      {selectedNodeId && (
        <p className={styles.nodeFilter} data-testid="history-node-filter">
          Showing events of <strong>{selectedLabel}</strong> —{' '}
          <button type="button" className={styles.link} onClick={() => onSelectNode?.(null)} data-testid="history-show-all">show all</button>
        </p>
      )}
      {error && (
        <p className="banner banner--error" role="alert">
          Could not load the history: {error}{' '}
          <button type="button" className="btn btn--ghost btn--sm" onClick={retry}>Retry</button>
        </p>
      )}
      {rows.length === 0 && loading && <p className={styles.empty} data-testid="history-loading">Loading the history…</p>}
      {empty && (
        <p className={styles.empty} data-testid="history-empty">
          {rows.length === 0 ? 'No events yet.' : selectedNodeId ? `No events of ${selectedLabel} yet.` : 'No events of the kinds shown.'}
        </p>
      )}
      {items.length > 0 && (
        <div ref={scroller} className={styles.scroller} data-testid="history-scroller">
          <div className={styles.header} aria-hidden="true">
            <span>#</span><span>Time</span><span>Event</span><span>Details</span><span>Node</span>
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((virtual) => (
              <div key={virtual.key} data-index={virtual.index} ref={virtualizer.measureElement} className={styles.slot}
                style={{ transform: `translateY(${virtual.start - HEADER_PX}px)` }}>
                {renderItem(items[virtual.index]!)}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

'use client';
import type { Design } from '@/codegen/design';
import { formatDurationBetween, formatTime } from '../ui/format-time';
import type { PendingUpdate } from './monitor-api';
import styles from './PendingUpdatesPanel.module.css';

/**
 * Update handlers the workflow accepted and has not finished (e.g. an update waiting for a
 * condition): their callers are still waiting for an answer. Temporal's describe does not list
 * them; the server derives them from history (lib/executions/history.ts).
 */
export function PendingUpdatesPanel({ updates, design, running }: { updates: PendingUpdate[]; design: Design; running: boolean }) {
  const labelOf = (name: string) => design.nodes.find((n) => n.type === 'update' && n.name === name)?.label;
  return (
    <>
      <h3 className="panel-title">Pending updates</h3>
      {updates.length ? (
        <ul className={styles.list} data-testid="pending-updates">
          {updates.map((u) => (
            <li key={u.updateId} className={styles.item} data-testid="pending-update" data-update-name={u.name}>
              <span className={styles.name}>{labelOf(u.name) ?? u.name}</span>
              <span className={styles.since} title={formatTime(u.acceptedAt)}>
                {running ? `running for ${formatDurationBetween(u.acceptedAt, null)}` : `accepted ${formatTime(u.acceptedAt)}`}
              </span>
              <span className={styles.meta}>
                <code>{u.name}</code> · id <code>{u.updateId}</code> · accepted {formatTime(u.acceptedAt)} (event {u.acceptedEventId})
              </span>
            </li>
          ))}
        </ul>
      ) : <p className="empty-small">No update in progress.</p>}
    </>
  );
}

'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { notificationsApi, type NotificationItem } from './api';
import styles from './NotificationBell.module.css';

/** How often the unread count is asked for (and at once when the tab comes back into view). */
const POLL_MS = 5000;

/**
 * The header's bell: the unread count (polled, so it rises without a reload), and on click the
 * newest notifications — each opens its request or execution and is marked read; mark all read;
 * Escape or a click outside closes the list.
 */
export function NotificationBell() {
  const router = useRouter();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const wrap = useRef<HTMLDivElement>(null);

  const refreshCount = useCallback(() => {
    notificationsApi.count().then((r) => setUnread(r.unread), () => {}); // a missed poll is retried on the next
  }, []);

  useEffect(() => {
    refreshCount();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refreshCount();
    }, POLL_MS);
    document.addEventListener('visibilitychange', refreshCount);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refreshCount);
    };
  }, [refreshCount]);

  const load = useCallback(async () => {
    try {
      const r = await notificationsApi.list();
      setItems(r.notifications);
      setUnread(r.unread);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    if (!open) return;
    void load();
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open, load]);

  async function openItem(item: NotificationItem) {
    setOpen(false);
    if (!item.read) {
      setUnread((n) => Math.max(0, n - 1));
      await notificationsApi.markRead([item.id]).then((r) => setUnread(r.unread), () => {});
    }
    if (item.href) router.push(item.href);
  }

  async function markAll() {
    try {
      setUnread((await notificationsApi.markAllRead()).unread);
      setItems((list) => list?.map((n) => ({ ...n, read: true })) ?? null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <div className={styles.wrap} ref={wrap}>
      <button type="button" className={styles.bell} onClick={() => setOpen(!open)} aria-expanded={open} aria-haspopup="true" aria-label={label} title={label} data-testid="notification-bell">
        {/* An SVG, not the 🔔 emoji: without an emoji font (Debian's Chromium) the emoji drew an empty box. */}
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className={styles.badge} data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className={styles.panel} role="dialog" aria-label="Notifications" data-testid="notification-panel">
          <div className={styles.head}>
            <strong>Notifications</strong>
            <button type="button" className={styles.action} onClick={markAll} disabled={unread === 0} data-testid="notifications-mark-all">
              Mark all read
            </button>
          </div>
          {error && <p className="banner banner--error" role="alert">{error}</p>}
          {items === null ? (
            <p className={styles.empty}>Loading…</p>
          ) : items.length === 0 ? (
            <p className={styles.empty} data-testid="notifications-empty">No notifications yet. You will hear here when a request waits for you or yours is decided.</p>
          ) : (
            <ul className={styles.list} data-testid="notification-list">
              {items.map((item) => (
                <li key={item.id} className={`${styles.item} ${item.read ? '' : styles.unread}`} data-testid="notification-item" data-read={item.read}>
                  <a
                    href={item.href ?? '#'}
                    className={styles.link}
                    onClick={(event) => {
                      event.preventDefault();
                      void openItem(item);
                    }}
                    data-testid="notification-open"
                  >
                    {item.message}
                    <span className={styles.when}>{new Date(item.createdAt).toLocaleString()}</span>
                  </a>
                  {!item.read && (
                    <button
                      type="button"
                      className={styles.action}
                      onClick={async () => {
                        const r = await notificationsApi.markRead([item.id]).catch(() => null);
                        if (r) setUnread(r.unread);
                        setItems((list) => list?.map((n) => (n.id === item.id ? { ...n, read: true } : n)) ?? null);
                      }}
                      aria-label={`Mark "${item.message}" read`}
                      data-testid="notification-mark-read"
                    >
                      Mark read
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

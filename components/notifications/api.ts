/** The bell's calls to /api/notifications (same origin, JSON; a failure carries the server's message). */
import { request } from '../api/client';

export interface NotificationItem {
  id: number;
  message: string;
  to: string;
  href: string | null;
  createdAt: string;
  read: boolean;
}

/** GET without a body, POST with one. */
function send<T>(path: string, body?: unknown): Promise<T> {
  return request<T>(path, body === undefined ? {} : { method: 'POST', body });
}

export const notificationsApi = {
  count: () => send<{ unread: number }>('/api/notifications/count'),
  list: () => send<{ notifications: NotificationItem[]; unread: number }>('/api/notifications?limit=30'),
  markRead: (ids: number[]) => send<{ unread: number }>('/api/notifications/read', { ids }),
  markAllRead: () => send<{ unread: number }>('/api/notifications/read', { all: true }),
};

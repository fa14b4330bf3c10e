/** The bell's calls to /api/notifications (same origin, JSON; a failure carries the server's message). */
export interface NotificationItem {
  id: number;
  message: string;
  to: string;
  href: string | null;
  createdAt: string;
  read: boolean;
}

async function send<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const data = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok) throw new Error(data?.error?.message ?? `The server answered ${response.status}`);
  return data as T;
}

export const notificationsApi = {
  count: () => send<{ unread: number }>('/api/notifications/count'),
  list: () => send<{ notifications: NotificationItem[]; unread: number }>('/api/notifications?limit=30'),
  markRead: (ids: number[]) => send<{ unread: number }>('/api/notifications/read', { ids }),
  markAllRead: () => send<{ unread: number }>('/api/notifications/read', { all: true }),
};

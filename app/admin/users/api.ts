/** The admin page's calls to /api/admin/*: JSON in, JSON out, the API's error message on failure. */
export class AdminApiError extends Error {}

/** Runs a change, shows its error if any, reloads; resolves to whether it worked. */
export type Act = (change: () => Promise<unknown>) => Promise<boolean>;

export async function adminApi<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const data = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new AdminApiError(data?.error?.message ?? `The server answered ${response.status}`);
  return data as T;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  createdAt: string;
}

export interface AdminToken {
  id: string;
  name: string;
  prefix: string;
  username: string;
  createdByName: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

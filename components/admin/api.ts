/** The admin page's calls to /api/admin/*: JSON in, JSON out, the API's error message on failure. */
import { request, type HttpMethod } from '../api/client';

/** Runs a change, shows its error if any, reloads; resolves to whether it worked. */
export type Act = (change: () => Promise<unknown>) => Promise<boolean>;

export function adminApi<T>(path: string, method: HttpMethod = 'GET', body?: unknown): Promise<T> {
  return request<T>(path, { method, body });
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  createdAt: string;
}

export interface AdminGroup {
  name: string;
  displayName: string;
  createdAt: string;
  members: { username: string; displayName: string }[];
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

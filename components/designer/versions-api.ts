import type { DesignDiff, DiffLine } from '@/lib/designs/diff';
import { request } from '../api/client';

/** A version as GET /api/designs/{id}/versions lists it. */
export interface VersionEntry {
  version: number;
  message: string | null;
  author: { id: string; displayName: string | null } | null;
  createdAt: string;
  deployed: boolean;
  current: boolean;
}

export interface VersionDiffAnswer {
  from: number;
  to: number;
  summary: DesignDiff;
  code: { ok: true; files: { path: string; status: 'added' | 'removed' | 'changed'; added: number; removed: number; hunks: DiffLine[][] }[] } | { ok: false; problem: string };
}

const enc = encodeURIComponent;

export const versionsApi = {
  list: (id: string) => request<{ versions: VersionEntry[]; currentKnown: boolean }>(`/api/designs/${enc(id)}/versions`),
  diff: (id: string, from: number, to: number) => request<VersionDiffAnswer>(`/api/designs/${enc(id)}/diff?from=${from}&to=${to}`),
};

/**
 * The one place usernames become the names people read: a request's requester, approvers, who
 * decided and who is pending, and the requester named in a notification. The API keeps usernames
 * (its callers match on them) and adds `people`, username → display name, for the pages to show.
 */
import 'server-only';
import { inArray } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { users } from '@/db/schema';

/** Display names of the given usernames that are accounts; the others (roles, groups, "deadline") are left out. */
export async function displayNames(usernames: Iterable<string>, { db: dbArg }: { db?: Db } = {}): Promise<Record<string, string>> {
  const wanted = [...new Set([...usernames].filter((name) => name !== ''))];
  if (wanted.length === 0) return {};
  const db = dbArg ?? (await getDb());
  const rows = await db.select({ username: users.username, displayName: users.displayName }).from(users).where(inArray(users.username, wanted));
  return Object.fromEntries(rows.map((r) => [r.username, r.displayName]));
}

/** What a request view names people with (lib/approvals/tasks.ts RequestView, described as in lib/approvals/status.ts). */
export interface NamesPeople {
  requester: string;
  status: {
    levels: { approvers: string[]; approvedBy: string[]; rejectedBy: string[]; pending: string[]; escalatedTo: string | null }[];
    history: { actor: string }[];
  };
}

/** Every username a request view mentions (an escalation reads "boss, then role admin"). */
export function usernamesIn(view: NamesPeople): string[] {
  const levels = view.status.levels.flatMap((l) => [...l.approvers, ...l.approvedBy, ...l.rejectedBy, ...l.pending, ...(l.escalatedTo?.split(', then ') ?? [])]);
  return [view.requester, ...levels, ...view.status.history.map((h) => h.actor)];
}

/** The views with `people` (username → display name) for everyone they mention; one query for all of them. */
export async function withPeople<T extends NamesPeople>(views: T[], options: { db?: Db } = {}): Promise<(T & { people: Record<string, string> })[]> {
  const names = await displayNames(views.flatMap(usernamesIn), options);
  return views.map((view) => ({ ...view, people: Object.fromEntries(usernamesIn(view).filter((u) => u in names).map((u) => [u, names[u]!])) }));
}

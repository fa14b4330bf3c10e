/**
 * A process may name a group only if it exists (lib/auth/groups.ts): checked when the form saves
 * the process, since spec.ts is pure and cannot ask the database.
 */
import 'server-only';
import { ApiError } from '../api/errors';
import { missingGroups } from '../auth/groups';
import { describeIssuePath, groupsNamedIn, type ApprovalProcessSpec } from './spec';

/** 400 `process.invalid` naming each approver whose group does not exist (as the form's issues, path by path). */
export async function refuseMissingGroups(spec: ApprovalProcessSpec): Promise<void> {
  const named = groupsNamedIn(spec);
  const missing = new Set(await missingGroups({ names: [...new Set(named.map((n) => n.name))] }));
  const issues = named.filter((n) => missing.has(n.name)).map((n) => ({ path: n.path, message: `is not a group: "${n.name}" (an admin creates groups under Admin › Groups)` }));
  const first = issues[0];
  if (!first) return;
  throw new ApiError(
    400,
    'process.invalid',
    `The process has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${describeIssuePath(first.path)}: ${first.message}`,
    { field: first.path },
    { issues },
  );
}

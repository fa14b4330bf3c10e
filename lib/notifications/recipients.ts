/**
 * Who a notify activity addresses. The recipient is one or more entries separated by commas:
 * a username (`ann`), a role as `role:approver`, or a group as `group:finance-managers` — or
 * `role approver` / `group finance-managers`, as the approval form describes approvers
 * (lib/approvals/spec.ts describeApprover). A group is resolved to its members when they read
 * (lib/notifications/store.ts), so a group deleted since reaches no one rather than failing the
 * process at its notify step. Pure.
 */
import 'server-only';
import { recipientEntries, type RecipientEntry } from '@/codegen/design';
import { ROLES } from '../auth/roles';

export type Recipient = RecipientEntry;

export class RecipientError extends Error {}

/** The recipients named by `text`, without duplicates; throws RecipientError naming the entry that is neither. */
export function parseRecipients(text: string): Recipient[] {
  const found = new Map<string, Recipient>();
  for (const entry of recipientEntries(text)) {
    if ('invalid' in entry) throw new RecipientError(`notify: "${entry.invalid}" is not a username, role:<role> or group:<group>`);
    if (entry.kind === 'role' && !(ROLES as readonly string[]).includes(entry.name)) {
      throw new RecipientError(`notify: "${entry.name}" is not a role (roles: ${ROLES.join(', ')})`);
    }
    found.set(`${entry.kind}:${entry.name}`, entry);
  }
  if (found.size === 0) throw new RecipientError('notify: the recipient is empty (a username, role:<role> or group:<group>)');
  return [...found.values()];
}

/**
 * Who a notify activity addresses. The recipient is one or more entries separated by commas:
 * a username (`ann`), or a role as `role:approver` — or `role approver`, as the approval form
 * describes approvers (lib/approvals/spec.ts describeApprover). Pure.
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
    if ('invalid' in entry) throw new RecipientError(`notify: "${entry.invalid}" is not a username or role:<role>`);
    if (entry.kind === 'role' && !(ROLES as readonly string[]).includes(entry.name)) {
      throw new RecipientError(`notify: "${entry.name}" is not a role (roles: ${ROLES.join(', ')})`);
    }
    found.set(`${entry.kind}:${entry.name}`, entry);
  }
  if (found.size === 0) throw new RecipientError('notify: the recipient is empty (a username or role:<role>)');
  return [...found.values()];
}

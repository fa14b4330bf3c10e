/**
 * Who a notify activity addresses. The recipient is one or more entries separated by commas:
 * a username (`ann`), or a role as `role:approver` — or `role approver`, as the approval form
 * describes approvers (lib/approvals/spec.ts describeApprover). Pure.
 */
import { ROLES } from '../auth/roles';

export interface Recipient {
  kind: 'user' | 'role';
  name: string;
}

/** Usernames and role names as accounts spell them (lower-case; letters, digits, dots, dashes, underscores). */
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export class RecipientError extends Error {}

/** The recipients named by `text`, without duplicates; throws RecipientError naming the entry that is neither. */
export function parseRecipients(text: string): Recipient[] {
  const found = new Map<string, Recipient>();
  for (const raw of text.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const role = /^role(?::|\s+)\s*(.+)$/.exec(entry);
    const recipient: Recipient = role ? { kind: 'role', name: role[1]!.trim() } : { kind: 'user', name: entry };
    if (!NAME.test(recipient.name)) throw new RecipientError(`notify: "${raw.trim()}" is not a username or role:<role>`);
    if (recipient.kind === 'role' && !(ROLES as readonly string[]).includes(recipient.name)) {
      throw new RecipientError(`notify: "${recipient.name}" is not a role (roles: ${ROLES.join(', ')})`);
    }
    found.set(`${recipient.kind}:${recipient.name}`, recipient);
  }
  if (found.size === 0) throw new RecipientError('notify: the recipient is empty (a username or role:<role>)');
  return [...found.values()];
}

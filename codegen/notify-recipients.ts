/**
 * The recipient text of the built-in notify activity: one or more entries separated by commas,
 * each a username (`ann`), a role as `role:approver`, or a group's members as `group:finance-managers`
 * (or `role approver` / `group finance-managers`, as the approval form describes approvers).
 * Shared by design validation (a literal recipient is checked as drawn) and the worker host's
 * notify activity, which also checks role names against the accounts' roles.
 */

export interface RecipientEntry {
  kind: 'user' | 'role' | 'group';
  name: string;
}

/** Usernames and role names as accounts spell them (lower-case; letters, digits, dots, dashes, underscores). */
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Each entry of `text` as a recipient, or the entry as written when it is neither a username, role:<role> nor group:<group>. */
export function recipientEntries(text: string): Array<RecipientEntry | { invalid: string }> {
  return text
    .split(',')
    .map((raw) => raw.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const lower = entry.toLowerCase();
      const prefixed = /^(role|group)(?::|\s+)\s*(.+)$/.exec(lower);
      const recipient: RecipientEntry = prefixed ? { kind: prefixed[1] as 'role' | 'group', name: prefixed[2]!.trim() } : { kind: 'user', name: lower };
      return NAME.test(recipient.name) ? recipient : { invalid: entry };
    });
}

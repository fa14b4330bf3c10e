'use client';
import { useState } from 'react';
import { ROLES } from '@/lib/auth/roles';
import type { Approver } from '@/lib/approvals/spec';
import { KIND_LABEL, PeopleCombobox, type PersonMatch } from './PeopleCombobox';
import styles from './ApproverInput.module.css';

/**
 * A user, a role or a group, as the process form asks for approvers and escalation targets: the
 * kind, then the name with lookup (users and groups by display name; a pick from the list also
 * sets the kind). A role is one of the six built-in ones, so it stays a plain list.
 */
export function ApproverInput({ value, onChange, testId }: { value: Approver; onChange: (a: Approver) => void; testId: string }) {
  // The display name of what was picked, shown beside the name (until the name is typed over).
  const [picked, setPicked] = useState<PersonMatch | null>(null);
  const shown = picked && picked.kind === value.kind && picked.name === value.name ? picked : null;
  const pick = (match: PersonMatch) => {
    setPicked(match);
    onChange({ kind: match.kind, name: match.name });
  };
  return (
    <span className={styles.approver}>
      <select
        className="input"
        value={value.kind}
        onChange={(e) => onChange({ kind: e.target.value as Approver['kind'], name: e.target.value === 'role' ? 'approver' : '' })}
        aria-label="User, role or group"
        data-testid={`${testId}-kind`}
      >
        <option value="user">User</option>
        <option value="group">Group</option>
        <option value="role">Role</option>
      </select>
      {value.kind === 'role' ? (
        <select className="input" value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} aria-label="Role" data-testid={`${testId}-name`}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
      ) : (
        <PeopleCombobox
          text={value.name}
          onText={(name) => onChange({ ...value, name })}
          onPick={pick}
          label={value.kind === 'group' ? 'Group' : 'Username'}
          placeholder={value.kind === 'group' ? 'Find a group' : 'Find a person, group or role'}
          testId={`${testId}-name`}
        />
      )}
      {shown && (
        <span className={styles.chosen} data-testid={`${testId}-chosen`}>
          <span className={styles.kind}>{KIND_LABEL[shown.kind]}</span> {shown.displayName}
        </span>
      )}
    </span>
  );
}

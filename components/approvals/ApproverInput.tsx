'use client';
import { ROLES } from '@/lib/auth/roles';
import type { Approver } from '@/lib/approvals/spec';
import styles from './ProcessForm.module.css';

/** A user (by username) or a role, as the process form asks for approvers and escalation targets. */
export function ApproverInput({ value, onChange, testId }: { value: Approver; onChange: (a: Approver) => void; testId: string }) {
  return (
    <span className={styles.approver}>
      <select className="input" value={value.kind} onChange={(e) => onChange({ kind: e.target.value as Approver['kind'], name: e.target.value === 'role' ? 'approver' : '' })} aria-label="User or role" data-testid={`${testId}-kind`}>
        <option value="user">User</option>
        <option value="role">Role</option>
      </select>
      {value.kind === 'role' ? (
        <select className="input" value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} aria-label="Role" data-testid={`${testId}-name`}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
      ) : (
        <input className="input" value={value.name} placeholder="username" onChange={(e) => onChange({ ...value, name: e.target.value })} aria-label="Username" data-testid={`${testId}-name`} />
      )}
    </span>
  );
}

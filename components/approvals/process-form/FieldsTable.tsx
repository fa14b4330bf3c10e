'use client';
import type { ReactNode } from 'react';
import type { ApprovalProcessInput } from '@/lib/approvals/spec';
import { Icon } from '@/components/ui/Icon';
import styles from '../ProcessForm.module.css';

type FieldDraft = ApprovalProcessInput['fields'][number];

export interface IssueSlots {
  /** The inline message for a path (nothing when it has none). */
  issue: (path: string) => ReactNode;
  /** aria/CSS for a control with a problem at `path`. */
  invalid: (path: string) => { 'aria-invalid'?: true; 'aria-describedby'?: string; className?: string };
}

/** What the requester fills in: one row per field, with column headers. */
export function FieldsTable({ fields, onChange, slots }: { fields: FieldDraft[]; onChange: (fields: FieldDraft[]) => void; slots: IssueSlots }) {
  const setField = (i: number, patch: Partial<FieldDraft>) => onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const input = (path: string, base = 'input') => {
    const marks = slots.invalid(path);
    return { ...marks, className: [base, marks.className].filter(Boolean).join(' ') };
  };
  return (
    <>
      {fields.length > 0 && (
        <table className={styles.table} data-testid="fields-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Label</th>
              <th scope="col" className={styles.colType}>Type</th>
              <th scope="col" className={`${styles.colRequired} ${styles.center}`}>Required</th>
              <th scope="col" className={styles.colRemove}><span className={styles.srOnly} data-clip-ok>Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {fields.flatMap((f, i) => {
              const rowIssues = [slots.issue(`fields.${i}.name`), slots.issue(`fields.${i}.label`), slots.issue(`fields.${i}.type`), slots.issue(`fields.${i}`)].filter(Boolean);
              return [
                <tr key={`row-${i}`} data-testid={`field-${i}`} data-issue-path={`fields.${i}`}>
                  <td data-issue-path={`fields.${i}.name`}>
                    <input {...input(`fields.${i}.name`, 'input input--code')} value={f.name} placeholder="e.g. amount" onChange={(e) => setField(i, { name: e.target.value })} aria-label={`Field ${i + 1} name`} data-testid={`field-${i}-name`} />
                  </td>
                  <td data-issue-path={`fields.${i}.label`}>
                    <input {...input(`fields.${i}.label`)} value={f.label ?? ''} placeholder="shown to the requester" onChange={(e) => setField(i, { label: e.target.value })} aria-label={`Field ${i + 1} label`} data-testid={`field-${i}-label`} />
                  </td>
                  <td data-issue-path={`fields.${i}.type`}>
                    <select {...input(`fields.${i}.type`)} value={f.type} onChange={(e) => setField(i, { type: e.target.value as FieldDraft['type'] })} aria-label={`Field ${i + 1} type`} data-testid={`field-${i}-type`}>
                      <option value="string">text</option>
                      <option value="number">number</option>
                      <option value="money">money</option>
                      <option value="date">date</option>
                      <option value="boolean">yes/no</option>
                    </select>
                  </td>
                  <td className={styles.center}>
                    <input type="checkbox" checked={f.required !== false} onChange={(e) => setField(i, { required: e.target.checked })} aria-label={`Field ${i + 1} required`} data-testid={`field-${i}-required`} />
                  </td>
                  <td className={styles.center}>
                    <button type="button" className="btn btn--danger-ghost btn--sm" onClick={() => onChange(fields.filter((_, j) => j !== i))} aria-label={`Remove field ${i + 1}${f.name ? ` (${f.name})` : ''}`} title="Remove this field" data-testid={`field-${i}-remove`}>
                      <Icon name="trash" size={14} />
                    </button>
                  </td>
                </tr>,
                rowIssues.length > 0 && (
                  <tr key={`issues-${i}`} className={styles.issueRow}>
                    <td colSpan={5}>{rowIssues}</td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      )}
      {fields.length === 0 && <p className="muted small">No fields: requesters submit without details. Add one for what the approvers decide on (an amount, a purpose).</p>}
      <button type="button" className={`btn btn--sm ${styles.addButton}`} onClick={() => onChange([...fields, { name: '', type: 'string', required: true }])} data-testid="add-field">
        <Icon name="plus" size={14} /> Add a field
      </button>
    </>
  );
}

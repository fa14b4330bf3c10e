'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ROLES } from '../../lib/auth/roles';
import type { ApprovalProcessInput, Approver, SpecIssue } from '../../lib/approvals/spec';
import { multiLevelApprovalTemplate } from '../../lib/approvals/templates';
import { approvalsApi, ApprovalsApiError, type ProcessSummary } from './api';

type Draft = ApprovalProcessInput;
type LevelDraft = Draft['levels'][number];
type FieldDraft = Draft['fields'][number];

const emptyLevel = (n: number): LevelDraft => ({ name: n === 1 ? 'Manager' : `Level ${n}`, approvers: [{ kind: 'user', name: '' }], mode: 'parallel', required: 1 });
const emptyDraft = (): Draft => ({ name: '', fields: [{ name: 'amount', label: 'Amount', type: 'money', required: true }], levels: [emptyLevel(1)], allowSelfApproval: false, notify: false });

function ApproverInput({ value, onChange, testId }: { value: Approver; onChange: (a: Approver) => void; testId: string }) {
  return (
    <span className="row-2">
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

/**
 * The guided form for business users: a process's request fields and approval levels, created and
 * deployed in one click. Refusals point at the field they concern.
 */
export function ProcessForm({ onCreated }: { onCreated: (p: ProcessSummary) => void }) {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [issues, setIssues] = useState<SpecIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string; designId?: string } | null>(null);

  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setField = (i: number, patch: Partial<FieldDraft>) => set({ fields: draft.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const setLevel = (i: number, patch: Partial<LevelDraft>) => set({ levels: draft.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const issue = (path: string) => {
    const found = issues.filter((x) => x.path === path);
    return found.length === 0 ? null : (
      <span className="field-msg field-msg--error" role="alert" data-testid={`issue-${path}`}>
        {found.map((x) => x.message).join('; ')}
      </span>
    );
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setIssues([]);
    setMessage({ ok: true, text: 'Creating and deploying: generating the code, type-checking, bundling and starting a worker…' });
    try {
      const body = await approvalsApi<{ process: ProcessSummary; deployment: { id: string } }>('/api/processes', 'POST', { spec: draft });
      setMessage({ ok: true, text: `"${body.process.name}" is deployed: requesters can submit now.`, designId: body.process.designId });
      onCreated({ ...body.process, deployed: true });
    } catch (e) {
      const error = e instanceof ApprovalsApiError ? e : new ApprovalsApiError(String(e), 0);
      setIssues(error.issues);
      setMessage({ ok: false, text: error.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="msg-form approval-form" data-testid="process-form">
      <div className="dialog__actions">
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => { setDraft(multiLevelApprovalTemplate()); setIssues([]); }} data-testid="process-template">
          Start from the multi-level template (manager / director / VP)
        </button>
      </div>
      <label className="field">
        <span className="field__label">Process name</span>
        <input className="input" value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder="e.g. Purchase request" data-testid="process-name" />
        {issue('name')}
      </label>
      <label className="field">
        <span className="field__label">Description</span>
        <input className="input" value={draft.description ?? ''} onChange={(e) => set({ description: e.target.value })} data-testid="process-description" />
      </label>

      <fieldset className="approval-form__group">
        <legend className="section-title">What the requester fills in</legend>
        {draft.fields.map((f, i) => (
          <div key={i} className="row-2" data-testid={`field-${i}`}>
            <input className="input" value={f.name} placeholder="name, e.g. amount" onChange={(e) => setField(i, { name: e.target.value })} aria-label="Field name" data-testid={`field-${i}-name`} />
            <input className="input" value={f.label ?? ''} placeholder="label" onChange={(e) => setField(i, { label: e.target.value })} aria-label="Field label" data-testid={`field-${i}-label`} />
            <select className="input" value={f.type} onChange={(e) => setField(i, { type: e.target.value as FieldDraft['type'] })} aria-label="Field type" data-testid={`field-${i}-type`}>
              <option value="string">text</option>
              <option value="number">number</option>
              <option value="money">money</option>
              <option value="boolean">yes/no</option>
            </select>
            <label className="check">
              <input type="checkbox" checked={f.required !== false} onChange={(e) => setField(i, { required: e.target.checked })} data-testid={`field-${i}-required`} /> required
            </label>
            <button type="button" className="btn btn--ghost btn--sm" onClick={() => set({ fields: draft.fields.filter((_, j) => j !== i) })} aria-label={`Remove field ${i + 1}`}>
              Remove
            </button>
            {issue(`fields.${i}.name`)}
          </div>
        ))}
        <button type="button" className="btn btn--ghost btn--sm" onClick={() => set({ fields: [...draft.fields, { name: '', type: 'string', required: true }] })} data-testid="add-field">
          Add a field
        </button>
      </fieldset>

      {draft.levels.map((level, i) => (
        <fieldset key={i} className="approval-form__group" data-testid={`level-${i}`}>
          <legend className="section-title">Level {i + 1}</legend>
          <label className="field">
            <span className="field__label">Name</span>
            <input className="input" value={level.name} onChange={(e) => setLevel(i, { name: e.target.value })} data-testid={`level-${i}-name`} />
            {issue(`levels.${i}.name`)}
          </label>
          <span className="field__label">Who approves</span>
          {level.approvers.map((a, k) => (
            <div key={k} className="row-2">
              <ApproverInput value={a} onChange={(next) => setLevel(i, { approvers: level.approvers.map((x, j) => (j === k ? next : x)) })} testId={`level-${i}-approver-${k}`} />
              {level.approvers.length > 1 && (
                <button type="button" className="btn btn--ghost btn--sm" onClick={() => setLevel(i, { approvers: level.approvers.filter((_, j) => j !== k) })}>
                  Remove
                </button>
              )}
              {issue(`levels.${i}.approvers.${k}.name`)}
            </div>
          ))}
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => setLevel(i, { approvers: [...level.approvers, { kind: 'user', name: '' }] })} data-testid={`level-${i}-add-approver`}>
            Add an approver
          </button>
          <label className="field">
            <span className="field__label">Only when (optional condition on the request)</span>
            <input className="input input--code" value={level.condition ?? ''} placeholder='e.g. input.amount >= money("1000")' onChange={(e) => setLevel(i, { condition: e.target.value || undefined })} data-testid={`level-${i}-condition`} />
            {issue(`levels.${i}.condition`)}
          </label>
          <div className="row-2">
            <label className="field">
              <span className="field__label">Order</span>
              <select className="input" value={level.mode ?? 'parallel'} onChange={(e) => setLevel(i, { mode: e.target.value as 'parallel' | 'sequential' })} data-testid={`level-${i}-mode`}>
                <option value="parallel">all at once (parallel)</option>
                <option value="sequential">one after the other (sequential)</option>
              </select>
            </label>
            <label className="field">
              <span className="field__label">Approvals needed (N of {level.approvers.length})</span>
              <input className="input" type="number" min={1} max={20} value={level.required ?? 1} onChange={(e) => setLevel(i, { required: Number(e.target.value) })} data-testid={`level-${i}-required`} />
              {issue(`levels.${i}.required`)}
            </label>
          </div>
          <div className="row-2">
            <label className="field">
              <span className="field__label">Deadline</span>
              <span className="row-2">
                <input
                  className="input"
                  type="number"
                  min={1}
                  value={level.deadline?.amount ?? ''}
                  placeholder="none"
                  onChange={(e) =>
                    setLevel(i, e.target.value
                      ? { deadline: { amount: Number(e.target.value), unit: level.deadline?.unit ?? 'days' }, onDeadline: level.onDeadline ?? { action: 'reject' } }
                      : { deadline: undefined, onDeadline: undefined })
                  }
                  data-testid={`level-${i}-deadline-amount`}
                />
                <select className="input" value={level.deadline?.unit ?? 'days'} disabled={!level.deadline} onChange={(e) => level.deadline && setLevel(i, { deadline: { ...level.deadline, unit: e.target.value as 'days' } })} aria-label="Deadline unit" data-testid={`level-${i}-deadline-unit`}>
                  <option value="seconds">seconds</option>
                  <option value="minutes">minutes</option>
                  <option value="hours">hours</option>
                  <option value="days">days</option>
                </select>
              </span>
              {issue(`levels.${i}.deadline`)}
            </label>
            {level.deadline && (
              <label className="field">
                <span className="field__label">At the deadline</span>
                <select
                  className="input"
                  value={level.onDeadline?.action ?? 'reject'}
                  onChange={(e) => setLevel(i, { onDeadline: e.target.value === 'escalate' ? { action: 'escalate', to: { kind: 'role', name: 'admin' } } : { action: e.target.value as 'approve' | 'reject' } })}
                  data-testid={`level-${i}-on-deadline`}
                >
                  <option value="escalate">escalate to…</option>
                  <option value="approve">approve automatically</option>
                  <option value="reject">reject automatically</option>
                </select>
                {level.onDeadline?.action === 'escalate' && (
                  <ApproverInput value={level.onDeadline.to} onChange={(to) => setLevel(i, { onDeadline: { action: 'escalate', to } })} testId={`level-${i}-escalate`} />
                )}
                {issue(`levels.${i}.onDeadline.to.name`)}
              </label>
            )}
          </div>
          {draft.levels.length > 1 && (
            <button type="button" className="btn btn--danger-ghost btn--sm" onClick={() => set({ levels: draft.levels.filter((_, j) => j !== i) })} data-testid={`level-${i}-remove`}>
              Remove level {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" className="btn btn--ghost btn--sm" onClick={() => set({ levels: [...draft.levels, emptyLevel(draft.levels.length + 1)] })} data-testid="add-level">
        Add a level
      </button>
      {issue('levels')}

      <label className="check">
        <input type="checkbox" checked={draft.allowSelfApproval === true} onChange={(e) => set({ allowSelfApproval: e.target.checked })} data-testid="process-self-approval" /> Requesters may approve their own requests
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.notify === true} onChange={(e) => set({ notify: e.target.checked })} data-testid="process-notify" /> Notify the approvers when a level opens
      </label>
      <button type="submit" className="btn btn--primary" disabled={busy} data-testid="process-create">
        {busy ? 'Deploying…' : 'Create and deploy'}
      </button>
      {message && (
        <p className={message.ok ? 'outcome outcome--ok' : 'outcome outcome--error'} role={message.ok ? 'status' : 'alert'} data-testid="process-message">
          {message.text}
          {message.designId && (
            <>
              {' '}
              <Link href={`/designs/${encodeURIComponent(message.designId)}`} data-testid="process-open-canvas">Open it on the canvas</Link>
            </>
          )}
        </p>
      )}
      {issues.some((x) => x.path === '') && (
        <ul className="diagnostics">{issues.filter((x) => x.path === '').map((x, k) => <li key={k} className="diag diag--error">{x.message}</li>)}</ul>
      )}
    </form>
  );
}

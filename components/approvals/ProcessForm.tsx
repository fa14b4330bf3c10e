'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { describeIssuePath, describeRule, type ApprovalProcessInput, type SpecIssue } from '@/lib/approvals/spec';
import { multiLevelApprovalTemplate } from '@/lib/approvals/templates';
import { deployWithProgress, type DeployProgressLine } from '../execution/monitor-api';
import { approvalsApi, ApprovalsApiError, type ProcessSummary } from './api';
import { ApproverInput } from './ApproverInput';
import { DeadlineFields } from './DeadlineFields';
import styles from './ProcessForm.module.css';

type Draft = ApprovalProcessInput;
type LevelDraft = Draft['levels'][number];
type FieldDraft = Draft['fields'][number];

const emptyLevel = (n: number): LevelDraft => ({ name: n === 1 ? 'Manager' : `Level ${n}`, approvers: [{ kind: 'user', name: '' }], mode: 'parallel', required: 1 });
const emptyDraft = (): Draft => ({ name: '', fields: [{ name: 'amount', label: 'Amount', type: 'money', required: true }], levels: [emptyLevel(1)], allowSelfApproval: false, notify: false });

const STAGE_WORDS: Record<DeployProgressLine['stage'], string> = {
  validate: 'Checking the design',
  generate: 'Generating the code',
  typecheck: 'Type-checking',
  bundle: 'Bundling',
  replay: 'Checking against running requests',
  'start-worker': 'Starting a worker',
  verify: 'Verifying',
};

/** Create (POST) or edit (PUT) with the deploy's progress shown as it comes; a refusal as ApprovalsApiError. */
async function saveWithProgress(path: string, method: 'POST' | 'PUT', body: Record<string, unknown>, onStage: (text: string) => void): Promise<SaveAnswer> {
  const answer = await deployWithProgress(path, body, (line) => line.state === 'running' && onStage(`${STAGE_WORDS[line.stage]}…`), method);
  if (answer.status < 400) return answer.body as SaveAnswer;
  const refusal = (answer.body ?? {}) as { error?: { message?: string; field?: string }; issues?: SpecIssue[] };
  throw new ApprovalsApiError(refusal.error?.message ?? `The server answered ${answer.status}`, answer.status, refusal.issues ?? [], refusal.error?.field);
}

interface SaveAnswer {
  process: { id: string; name: string; designId: string };
  deployment: { id: string; version: number };
  /** Edits only: the design version saved (or redeployed when nothing changed). */
  version?: number;
  saved?: boolean;
}

/**
 * The guided form for business users: a process's request fields and approval levels, created and
 * deployed in one click — or, given `editing`, an existing process changed and saved as a new
 * version of its design, redeployed in the same click. Refusals point at the field they concern;
 * a design changed on the canvas since the form generated it is only replaced when the user says so.
 */
export function ProcessForm({ editing, onSaved, onCancelEdit }: { editing: ProcessSummary | null; onSaved: (p: ProcessSummary) => void; onCancelEdit?: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => (editing ? structuredClone(editing.spec) : emptyDraft()));
  const [issues, setIssues] = useState<SpecIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string; designId?: string } | null>(null);
  /** The server refused to replace changes made since (409): overwrite or cancel. The draft stays as it is. */
  const [conflict, setConflict] = useState<string | null>(null);

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

  const refreshed = async (id: string) => onSaved((await approvalsApi<{ process: ProcessSummary }>(`/api/processes/${encodeURIComponent(id)}`)).process);

  async function save(overwrite: boolean) {
    setBusy(true);
    setIssues([]);
    setConflict(null);
    const doing = editing ? 'Saving and redeploying' : 'Creating and deploying';
    setMessage({ ok: true, text: `${doing}: generating the code, type-checking, bundling and starting a worker…` });
    const onStage = (stage: string) => setMessage({ ok: true, text: `${doing}: ${stage}` });
    try {
      if (editing) {
        const body = await saveWithProgress(`/api/processes/${encodeURIComponent(editing.id)}`, 'PUT', { spec: draft, baseVersion: editing.latestVersion, overwrite }, onStage);
        setMessage({
          ok: true,
          text: body.saved
            ? `Saved "${body.process.name}" as version ${body.version} and deployed it: new requests start on it; requests already running finish on the version they started with.`
            : `Nothing changed since version ${body.version}: it is deployed again.`,
          designId: body.process.designId,
        });
        await refreshed(editing.id);
      } else {
        const body = await saveWithProgress('/api/processes', 'POST', { spec: draft }, onStage);
        setMessage({ ok: true, text: `"${body.process.name}" is deployed: requesters can submit now.`, designId: body.process.designId });
        await refreshed(body.process.id);
      }
    } catch (e) {
      const error = e instanceof ApprovalsApiError ? e : new ApprovalsApiError(String(e), 0);
      setIssues(error.issues);
      if (error.status === 409) {
        setConflict(error.message);
        setMessage(null);
      } else {
        setMessage({ ok: false, text: error.status === 422 && editing ? `Saved, but not deployed: ${error.message}` : error.message });
        // A failed deploy still saved the version: the list shows where the design stands.
        if (error.status === 422 && editing) await refreshed(editing.id).catch(() => {});
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(false);
  }

  return (
    <form onSubmit={submit} className="msg-form approval-form" data-testid="process-form" data-mode={editing ? 'edit' : 'create'}>
      {editing && (
        <div data-testid="process-editing">
          <h2 className="section-title">
            Editing &ldquo;{editing.name}&rdquo;
          </h2>
          <p className="muted small" data-testid="process-versions">
            Design version {editing.latestVersion}
            {editing.deployedVersion === null ? ', not deployed' : editing.deployedVersion === editing.latestVersion ? ' (deployed)' : `; version ${editing.deployedVersion} is deployed`}. Saving makes a new version and deploys it;
            requests already running finish on the version they started with.
          </p>
          {editing.changedOnCanvas && (
            <p className="banner banner--warning" role="alert" data-testid="process-canvas-warning">
              This process&apos;s design was changed on the canvas since the form generated it (the form made version {editing.formVersion}, the canvas saved version{' '}
              {editing.latestVersion}). Saving from the form replaces those changes with a new version; the canvas version stays in the design&apos;s history.
            </p>
          )}
        </div>
      )}
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
          <div key={i} className={styles.fieldRow} data-testid={`field-${i}`}>
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
            <div key={k} className={styles.approverRow}>
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
          <div className={styles.pair}>
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
              <span className="field-msg muted small" data-testid={`level-${i}-rule`}>
                {describeRule({ approvers: level.approvers, mode: level.mode ?? 'parallel', required: level.required ?? 1 })}.
              </span>
              {issue(`levels.${i}.required`)}
            </label>
          </div>
          <DeadlineFields level={level} index={i} onChange={(patch) => setLevel(i, patch)} issue={issue} />
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
      {issues.length > 0 && (
        <ul className="diagnostics" data-testid="process-issues">
          {issues.map((x, k) => (
            <li key={k} className="diag diag--error">
              {x.path ? `${describeIssuePath(x.path)}: ` : ''}
              {x.message}
            </li>
          ))}
        </ul>
      )}
      {conflict && (
        <div className="banner banner--warning" role="alertdialog" aria-label="Changed since" data-testid="process-conflict">
          <p>{conflict}</p>
          <div className="dialog__actions">
            <button type="button" className="btn btn--danger-ghost btn--sm" onClick={() => void save(true)} disabled={busy} data-testid="process-overwrite">
              Overwrite and redeploy
            </button>
            <button type="button" className="btn btn--ghost btn--sm" onClick={() => setConflict(null)} data-testid="process-conflict-cancel">
              Cancel (nothing is saved; your form stays as it is)
            </button>
          </div>
        </div>
      )}
      <div className="dialog__actions">
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid={editing ? 'process-save' : 'process-create'}>
          {busy ? 'Deploying…' : editing ? 'Save and redeploy' : 'Create and deploy'}
        </button>
        {editing && onCancelEdit && (
          <button type="button" className="btn btn--ghost" onClick={onCancelEdit} disabled={busy} data-testid="process-edit-cancel">
            Stop editing
          </button>
        )}
      </div>
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
    </form>
  );
}

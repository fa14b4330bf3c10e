'use client';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApprovalProcessInput, SpecIssue } from '@/lib/approvals/spec';
import { multiLevelApprovalTemplate } from '@/lib/approvals/templates';
import { Icon } from '@/components/ui/Icon';
import { approvalsApi, ApprovalsApiError, type ProcessSummary } from './api';
import { FieldsTable, type IssueSlots } from './process-form/FieldsTable';
import { IssueSummary } from './process-form/IssueSummary';
import { controlFor, issueElementId, issueLines } from './process-form/issues';
import { LevelCard } from './process-form/LevelCard';
import { newSubmissionKey, saveWithProgress, SaveRefusal } from './process-form/save';
import styles from './ProcessForm.module.css';

type Draft = ApprovalProcessInput;
type LevelDraft = Draft['levels'][number];

const emptyLevel = (n: number): LevelDraft => ({ name: n === 1 ? 'Manager' : `Level ${n}`, approvers: [{ kind: 'user', name: '' }], mode: 'parallel', required: 1 });
const emptyDraft = (): Draft => ({ name: '', fields: [{ name: 'amount', label: 'Amount', type: 'money', required: true }], levels: [emptyLevel(1)], allowSelfApproval: false, notify: false });

interface Outcome {
  kind: 'busy' | 'ok' | 'error';
  text: string;
  /** The process it concerns: links to its design and to the requests. */
  designId?: string;
}

/**
 * The guided form for business users: a process's request fields and approval levels, created and
 * deployed in one click — or, given `editing`, an existing process changed and saved as a new
 * version of its design, redeployed in the same click. Refusals show once in a summary at the top
 * (each a button to its field) and inline next to their field. A create is sent once per
 * submission: the button does nothing while busy, the server makes one process per submission key,
 * and the form empties after it (a new key) so a second click cannot make a copy.
 */
export function ProcessForm({ editing, onSaved, onCancelEdit }: { editing: ProcessSummary | null; onSaved: (p: ProcessSummary) => void; onCancelEdit?: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => (editing ? structuredClone(editing.spec) : emptyDraft()));
  const [issues, setIssues] = useState<SpecIssue[]>([]);
  const [busy, setBusy] = useState(false);
  /** Set at once on submit: a second click or Enter before React re-renders the disabled button does nothing. */
  const sending = useRef(false);
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  /** The server refused to replace changes made since (409): overwrite or cancel. The draft stays as it is. */
  const [conflict, setConflict] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  /** Counts refused submits: each one moves the focus to the summary once it is on the page. */
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) summaryRef.current?.focus();
  }, [refusals]);

  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setLevel = (i: number, patch: Partial<LevelDraft>) => set({ levels: draft.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const lines = issueLines(issues);

  const slots: IssueSlots = {
    issue: (path) => {
      const line = lines.find((l) => l.path === path);
      return line ? (
        <span key={path} id={issueElementId(path)} className={styles.inlineIssue} data-testid={`issue-${path}`}>
          {line.messages.join('; ')}
        </span>
      ) : null;
    },
    invalid: (path) => (lines.some((l) => l.path === path) ? { 'aria-invalid': true, 'aria-describedby': issueElementId(path), className: styles.invalid } : {}),
  };
  const input = (path: string) => {
    const marks = slots.invalid(path);
    return { ...marks, className: ['input', marks.className].filter(Boolean).join(' ') };
  };

  function goTo(path: string) {
    const control = formRef.current && controlFor(formRef.current, path);
    if (!control) return;
    control.scrollIntoView({ block: 'center' });
    control.focus({ preventScroll: true });
  }

  const refreshed = async (id: string) => onSaved((await approvalsApi<{ process: ProcessSummary }>(`/api/processes/${encodeURIComponent(id)}`)).process);

  /** After a create that made a process: an empty form with a new submission key. */
  function startOver() {
    setDraft(emptyDraft());
    setSubmissionKey(newSubmissionKey());
  }

  async function save(overwrite: boolean) {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setIssues([]);
    setConflict(null);
    const doing = editing ? 'Saving and redeploying' : 'Creating and deploying';
    setOutcome({ kind: 'busy', text: `${doing}: generating the code, type-checking, bundling and starting a worker…` });
    const onStage = (stage: string) => setOutcome({ kind: 'busy', text: `${doing}: ${stage}` });
    try {
      if (editing) {
        const body = await saveWithProgress(`/api/processes/${encodeURIComponent(editing.id)}`, 'PUT', { spec: draft, baseVersion: editing.latestVersion, overwrite }, onStage);
        setOutcome({
          kind: 'ok',
          text: body.saved
            ? `Saved "${body.process.name}" as version ${body.version} and deployed it: new requests start on it; requests already running finish on the version they started with.`
            : `Nothing changed since version ${body.version}: it is deployed again.`,
          designId: body.process.designId,
        });
        await refreshed(editing.id);
      } else {
        const body = await saveWithProgress('/api/processes', 'POST', { spec: draft, idempotencyKey: submissionKey }, onStage);
        startOver();
        setOutcome({ kind: 'ok', text: `"${body.process.name}" is deployed: requesters can submit now. The form is empty again for the next process.`, designId: body.process.designId });
        await refreshed(body.process.id);
      }
    } catch (e) {
      const error = e instanceof ApprovalsApiError ? e : new ApprovalsApiError(String(e), 0);
      const made = error instanceof SaveRefusal ? error.process : undefined;
      if (error.status === 409 && editing) {
        setConflict(error.message);
        setOutcome(null);
      } else if (error.issues.length > 0) {
        // The summary says it all, once: no second copy of its first line in a banner.
        setIssues(error.issues);
        setOutcome(null);
        setRefusals((n) => n + 1);
      } else if (made && !editing) {
        // The process exists, its deploy failed: the form starts over (sending it again would make a copy); the list's Edit deploys it again.
        startOver();
        setOutcome({ kind: 'error', text: `"${made.name}" was created but not deployed: ${error.message} Open it with Edit in the list below to deploy it again.`, designId: made.designId });
        await refreshed(made.id).catch(() => {});
      } else {
        setOutcome({ kind: 'error', text: error.status === 422 && editing ? `Saved, but not deployed: ${error.message}` : error.message });
        // A failed deploy still saved the version: the list shows where the design stands.
        if (error.status === 422 && editing) await refreshed(editing.id).catch(() => {});
      }
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(false);
  }

  return (
    <form ref={formRef} onSubmit={submit} className={styles.form} noValidate aria-busy={busy} data-testid="process-form" data-mode={editing ? 'edit' : 'create'}>
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
      {lines.length > 0 && <IssueSummary ref={summaryRef} lines={lines} onGoTo={goTo} />}

      <section className={styles.section} aria-labelledby="process-section-about">
        <div className={styles.sectionHead}>
          <h2 id="process-section-about">Process</h2>
          <button type="button" className="btn btn--sm" onClick={() => { setDraft(multiLevelApprovalTemplate()); setIssues([]); }} data-testid="process-template">
            Start from the multi-level template (manager / director / VP)
          </button>
        </div>
        <div className={styles.pair}>
          <label className="field" data-issue-path="name">
            <span className="field__label">Process name</span>
            <input {...input('name')} value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder="e.g. Purchase request" data-testid="process-name" />
            {slots.issue('name')}
          </label>
          <label className="field" data-issue-path="description">
            <span className="field__label">Description (optional)</span>
            <input {...input('description')} value={draft.description ?? ''} onChange={(e) => set({ description: e.target.value })} data-testid="process-description" />
            {slots.issue('description')}
          </label>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="process-section-fields" data-issue-path="fields">
        <div>
          <h2 id="process-section-fields">Request fields</h2>
          <p className={styles.sectionHint}>What the requester fills in; the approvers see it with the request.</p>
        </div>
        <FieldsTable fields={draft.fields} onChange={(fields) => set({ fields })} slots={slots} />
        {slots.issue('fields')}
      </section>

      <section className={styles.section} aria-labelledby="process-section-levels" data-issue-path="levels">
        <div>
          <h2 id="process-section-levels">Approval levels</h2>
          <p className={styles.sectionHint}>Each level decides in turn; the request is approved when every level that applies has approved.</p>
        </div>
        <div className={styles.levels}>
          {draft.levels.map((level, i) => (
            <LevelCard
              key={i}
              level={level}
              index={i}
              removable={draft.levels.length > 1}
              onChange={(patch) => setLevel(i, patch)}
              onRemove={() => set({ levels: draft.levels.filter((_, j) => j !== i) })}
              slots={slots}
            />
          ))}
        </div>
        {slots.issue('levels')}
        <button type="button" className={`btn btn--sm ${styles.addButton}`} onClick={() => set({ levels: [...draft.levels, emptyLevel(draft.levels.length + 1)] })} data-testid="add-level">
          <Icon name="plus" size={14} /> Add a level
        </button>
      </section>

      <section className={styles.section} aria-labelledby="process-section-options">
        <h2 id="process-section-options">Options</h2>
        <div className={styles.options}>
          <label className="check" data-issue-path="allowSelfApproval">
            <input type="checkbox" checked={draft.allowSelfApproval === true} onChange={(e) => set({ allowSelfApproval: e.target.checked })} data-testid="process-self-approval" /> Requesters may approve their own requests
          </label>
          <label className="check" data-issue-path="notify">
            <input type="checkbox" checked={draft.notify === true} onChange={(e) => set({ notify: e.target.checked })} data-testid="process-notify" /> Notify the approvers when a level opens
          </label>
        </div>
      </section>

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
      <div className={styles.footer}>
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid={editing ? 'process-save' : 'process-create'}>
          {busy ? 'Deploying…' : editing ? 'Save and redeploy' : 'Create and deploy'}
        </button>
        {editing && onCancelEdit && (
          <button type="button" className="btn" onClick={onCancelEdit} disabled={busy} data-testid="process-edit-cancel">
            Stop editing
          </button>
        )}
      </div>
      {outcome && (
        <p
          className={`${styles.outcome} ${outcome.kind === 'ok' ? styles.outcomeOk : outcome.kind === 'busy' ? styles.outcomeBusy : styles.outcomeError}`}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          data-testid="process-message"
        >
          {outcome.text}
          {outcome.designId && (
            <span className={styles.outcomeLinks}>
              <Link href={`/designs/${encodeURIComponent(outcome.designId)}`} data-testid="process-open-canvas">Open it on the canvas</Link>
              <Link href="/requests" data-testid="process-open-requests">Requests</Link>
            </span>
          )}
        </p>
      )}
    </form>
  );
}

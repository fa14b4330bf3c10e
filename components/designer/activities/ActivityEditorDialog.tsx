'use client';
import { useEffect, useRef, useState } from 'react';
import { plainTsType, checkIdentifier, describeNameProblem, ItemTypeSchema, ValueTypeSchema, type ActivityResult, type CustomActivity, type ValueType } from '@/codegen/design';
import type { Diagnostic } from '../../api/types';
import { useDesignerStore } from '../DesignerStoreProvider';
import { activityOwner, FieldOwnerContext } from '../inspector/FieldContext';
import { FieldsEditor } from '../inspector/FieldsEditor';
import { SelectInput, TextInput } from '../inspector/inputs';
import { Icon } from '../../ui/Icon';
import { loadOnFirstUse } from '../../ui/load-on-first-use';
import styles from './activities.module.css';
import type { TypeScriptEditorProps } from './TypeScriptEditor';

const NO_RESULT = 'none';

interface Props {
  activity: CustomActivity;
  /** Names other custom activities have (a rename must not take one). */
  taken: (name: string) => boolean;
  onChange: (patch: Partial<CustomActivity>) => void;
  onRename: (to: string) => void;
  onClose: () => void;
  /** The last "Check code" (a verification as on deploy: type errors in the code come back located). */
  check: CheckState;
  onCheck: () => void;
}

export type CheckState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; ok: boolean; diagnostics: Diagnostic[] }
  | { kind: 'failed'; message: string };

/** CodeMirror is loaded on first use, from the app's own bundle. */
const useTypeScriptEditor = loadOnFirstUse<TypeScriptEditorProps>(() => import('./TypeScriptEditor'));

/** A custom activity: its name, parameters and result (the signature the workflow calls), and its TypeScript. */
export function ActivityEditorDialog({ activity, taken, onChange, onRename, onClose, check, onCheck }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const Editor = useTypeScriptEditor();
  const [draftName, setDraftName] = useState(activity.name);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => setDraftName(activity.name), [activity.name]);
  const compiled = useDesignerStore((s) => s.compile.diagnostics.filter((d) => d.activity === activity.name));
  const checked = check.kind === 'done' ? check.diagnostics.filter((d) => d.activity === activity.name || d.activity === undefined) : [];
  // After an edit, the compile findings are current; a check's findings stay until the next check.
  const diagnostics = [...compiled, ...checked.filter((d) => !compiled.some((c) => c.message === d.message))];
  const sourceDiagnostics = diagnostics.filter((d) => d.field === 'source');

  const nameProblem = draftName === activity.name ? null
    : checkIdentifier(draftName) ? describeNameProblem('The activity', draftName, checkIdentifier(draftName)!)
    : taken(draftName) ? `Another custom activity is named "${draftName}"`
    : null;
  const commitName = () => {
    if (draftName !== activity.name && !nameProblem) onRename(draftName);
  };
  const result = activity.result;
  const setResult = (next: ActivityResult | undefined) => onChange({ result: next });

  return (
    <dialog ref={dialog} className={`dialog ${styles.dialog}`} data-testid="activity-editor" onClose={onClose} onCancel={onClose}
      aria-label={`Custom activity ${activity.name}`}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && check.kind !== 'running') {
          e.preventDefault();
          onCheck();
        }
      }}>
      <FieldOwnerContext.Provider value={activityOwner(activity.name)}>
        <form method="dialog" onSubmit={commitName}>
          <div className={styles.head}>
            <h2>Custom activity <code>{activity.name}</code></h2>
            <button type="submit" className="icon-btn" aria-label="Close">×</button>
          </div>
          <div className={styles.layout}>
            <div className={styles.side}>
              <label className={`field${nameProblem ? ' has-diagnostics' : ''}`}>
                <span className="field__label">Name (the function it exports)</span>
                <input className="input input--code" data-testid="activity-name" value={draftName} spellCheck={false}
                  aria-invalid={!!nameProblem} onChange={(e) => setDraftName(e.target.value)} onBlur={commitName}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      commitName();
                    }
                  }} />
                {nameProblem && <span className="field-msg field-msg--error" role="alert">{nameProblem}</span>}
              </label>
              <TextInput path="description" label="Description" multiline value={activity.description ?? ''}
                testId="activity-description-input" onChange={(d) => onChange({ description: d || undefined })} />
              <FieldsEditor title="Parameters" path="parameters" fields={activity.parameters} onChange={(parameters) => onChange({ parameters })} />
              <SelectInput<ValueType | typeof NO_RESULT> path="result" label="Result" testId="activity-result-type"
                value={result?.type ?? NO_RESULT}
                options={[{ value: NO_RESULT, label: '— nothing —' }, ...ValueTypeSchema.options.map((t) => ({ value: t, label: t }))]}
                onChange={(type) => setResult(type === NO_RESULT ? undefined : { ...result, type })} />
              {result?.type === 'list' && (
                <SelectInput path="result.items" label="List of" value={result.items ?? 'string'} options={ItemTypeSchema.options}
                  onChange={(items) => setResult({ ...result, items })} />
              )}
            </div>
            <div className={styles.main}>
              <p className={styles.hint}>
                Export <code>async function {activity.name}({activity.parameters.length ? `{ ${activity.parameters.map((p) => p.name).join(', ')} }: { ${activity.parameters.map((p) => `${p.name}: ${plainTsType(p)}`).join('; ')} }` : ''})</code>
                {': '}<code>Promise&lt;{result ? plainTsType(result) : 'void'}&gt;</code>. It runs in the worker host and may import
                Node built-ins (<code>node:…</code>) and <code>@temporalio/activity</code>; it is type-checked with the workflow on deploy.
              </p>
              {Editor
                ? <Editor value={activity.source} onChange={(source) => onChange({ source })} testId="activity-source" diagnostics={sourceDiagnostics} />
                : <textarea className="input input--code" rows={12} data-testid="activity-source" value={activity.source} spellCheck={false}
                    onChange={(e) => onChange({ source: e.target.value })} />}
              {diagnostics.length > 0 ? (
                <ul className={styles.problems} data-testid="activity-problems">
                  {diagnostics.map((d, i) => (
                    <li key={i} className={d.severity === 'error' ? styles.problem : styles.warning} data-testid="activity-problem">{d.message}</li>
                  ))}
                </ul>
              ) : <p className={styles.hint} data-testid="activity-no-problems">{check.kind === 'done' && check.ok ? <><Icon name="check" size={12} /> Type-checks with the workflow.</> : 'No problems found so far: check the code to type-check it with the workflow.'}</p>}
              <div className={styles.head}>
                <span className={styles.hint} data-testid="activity-check-status" data-state={check.kind === 'done' ? (check.ok ? 'ok' : 'failed') : check.kind}>
                  {check.kind === 'running' ? 'Checking…' : check.kind === 'failed' ? `The check could not run: ${check.message}` : ''}
                </span>
                <button type="button" className="btn btn--sm" data-testid="check-activity" disabled={check.kind === 'running'} onClick={onCheck}
                  title="Type-check this code with the generated workflow, as a deploy would (Ctrl+Enter)">Check code</button>
              </div>
            </div>
          </div>
        </form>
      </FieldOwnerContext.Provider>
    </dialog>
  );
}

'use client';
import { useEffect, useState } from 'react';
import type { CustomActivity } from '@/codegen/design';
import { api, errorMessage } from '../../api/client';
import { Icon } from '../../ui/Icon';
import { useDesignerStore, useDesignerStoreApi } from '../DesignerStoreProvider';
import type { DesignerStore } from '../store';
import { ActivityEditorDialog, type CheckState } from './ActivityEditorDialog';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { activityUsages, addActivity, newActivity, removeActivity, renameActivity, replaceActivity, type ActivityUsage } from './edit';
import styles from './activities.module.css';
import { useOpenActivity } from './open-activity';

const EMPTY: CustomActivity[] = [];
const selectActivities = (s: DesignerStore) => s.workflow.activities ?? EMPTY;
/** Error counts per activity, as one string so unrelated diagnostics do not re-render the list. */
const selectErrorCounts = (s: DesignerStore) =>
  JSON.stringify(
    s.compile.diagnostics.reduce<Record<string, number>>((counts, d) => {
      if (d.activity !== undefined && d.severity === 'error') counts[d.activity] = (counts[d.activity] ?? 0) + 1;
      return counts;
    }, {}),
  );

/** The design's custom activities, beside the canvas: add, open (edit), delete with a warning when still called. */
export function ActivitiesSection() {
  const store = useDesignerStoreApi();
  const activities = useDesignerStore(selectActivities);
  const errors = JSON.parse(useDesignerStore(selectErrorCounts)) as Record<string, number>;
  const { open, setOpen } = useOpenActivity();
  // The open editor belongs to this design: none is open when the designer comes or goes.
  useEffect(() => {
    setOpen(null);
    return () => setOpen(null);
  }, [setOpen]);
  const [deleting, setDeleting] = useState<{ name: string; usages: ActivityUsage[] } | null>(null);
  const [check, setCheck] = useState<CheckState>({ kind: 'idle' });

  const edit = store.getState().editDesign;
  /** Verifies the design as drawn, as a deploy would: type errors in the code come back located. */
  const runCheck = async () => {
    setCheck({ kind: 'running' });
    try {
      const result = await api.verify(store.getState().toDesign());
      setCheck({ kind: 'done', ok: result.ok, diagnostics: result.diagnostics.filter((d) => d.activity !== undefined || !result.ok) });
    } catch (error) {
      setCheck({ kind: 'failed', message: errorMessage(error) });
    }
  };
  const add = () => {
    const activity = newActivity(store.getState().toDesign());
    edit((d) => addActivity(d, activity));
    setOpen(activity.name);
  };
  const askDelete = (name: string) => {
    const usages = activityUsages(store.getState().toDesign(), name);
    if (usages.length === 0) edit((d) => removeActivity(d, name));
    else setDeleting({ name, usages });
  };
  const current = activities.find((a) => a.name === open);
  const labelOf = (id: string) => store.getState().nodes.find((n) => n.id === id)?.data.label || id;

  return (
    <section className="outline" data-testid="activities-section">
      <header className="outline__head">
        <h3 className="panel-title">Activities</h3>
        <button type="button" className="btn btn--ghost btn--sm" data-testid="add-activity" onClick={add}
          title="Write an activity in TypeScript that Activity nodes can call">+ Add</button>
      </header>
      {activities.length === 0 ? <p className="list-section__empty">No custom activities: nodes call the built-ins (log, notify, http).</p> : (
        <ul className="outline__list">
          {activities.map((a) => (
            <li key={a.name} className="outline__row" data-testid={`activity-row-${a.name}`}>
              <button type="button" className="outline__name" data-testid="open-activity" onClick={() => setOpen(a.name)} title="Edit the activity and its code">
                <code>{a.name || '(unnamed)'}</code>
              </button>
              {errors[a.name] ? <span className={styles.badge} title="Problems in this activity"><Icon name="x-circle" size={11} /> {errors[a.name]}</span> : null}
              <button type="button" className="icon-btn" aria-label={`Delete activity ${a.name}`} data-testid="delete-activity"
                onClick={() => askDelete(a.name)}>×</button>
            </li>
          ))}
        </ul>
      )}
      {current && (
        <ActivityEditorDialog key={current.name} activity={current} check={check} onCheck={() => void runCheck()}
          taken={(name) => activities.some((a) => a.name === name && a !== current)}
          onChange={(patch) => store.getState().updateWorkflow({ activities: replaceActivity(store.getState().toDesign(), current.name, patch).activities ?? [] })}
          onRename={(to) => {
            edit((d) => renameActivity(d, current.name, to));
            setOpen(to);
          }}
          onClose={() => setOpen(null)} />
      )}
      {deleting && (
        <ConfirmDeleteDialog what="activity" title={<>Delete activity <code>{deleting.name}</code>?</>}
          summary={`${deleting.usages.length === 1 ? 'One node calls it; it' : `${deleting.usages.length} nodes call it; they`} will show as problems until changed:`}
          usages={deleting.usages} labelOf={labelOf}
          onConfirm={() => edit((d) => removeActivity(d, deleting.name))} onClose={() => setDeleting(null)} />
      )}
    </section>
  );
}

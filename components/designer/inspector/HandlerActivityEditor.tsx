'use client';
import { activitySpec, type HandlerActivity } from '@/codegen/design';
import { activityOptions, argumentsFor } from '../activities/options';
import { useDesignerStore } from '../DesignerStoreProvider';
import type { DesignerStore } from '../store';
import { SelectInput, TextInput } from './inputs';

const selectActivities = (s: DesignerStore) => s.workflow.activities;

const NONE = 'none';

/**
 * The activity a signal or update handler runs before its assignments (which makes it async;
 * the generated code serialises such handlers with a mutex when they change state).
 */
export function HandlerActivityEditor({ activity, onChange }: { activity: HandlerActivity | undefined; onChange: (a: HandlerActivity | undefined) => void }) {
  const activities = useDesignerStore(selectActivities);
  const choose = (name: string) =>
    onChange(name === NONE ? undefined : { activity: name, args: argumentsFor({ activities }, name, activity?.args ?? {}) });
  const spec = activity ? activitySpec({ activities }, activity.activity) : null;
  return (
    <>
      <SelectInput path="activity.activity" label="Run an activity first" value={activity?.activity ?? NONE}
        options={[{ value: NONE, label: '— none —' }, ...activityOptions(activities, activity?.activity)]} onChange={choose} />
      {activity && spec?.parameters.map((p) => (
        <TextInput key={p.name} path={`activity.args.${p.name}`} label={`${p.name} — ${p.description.toLowerCase()}`} value={activity.args[p.name] ?? ''} expression
          onChange={(v) => onChange({ ...activity, args: { ...activity.args, [p.name]: v } })} />
      ))}
      {activity && spec?.result && (
        <TextInput path="activity.resultVariable" label="Store the result in variable" value={activity.resultVariable ?? ''} expression
          onChange={(v) => onChange({ ...activity, resultVariable: v || undefined })} />
      )}
    </>
  );
}

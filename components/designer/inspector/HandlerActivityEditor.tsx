'use client';
import { BUILTIN_ACTIVITY_SPECS } from '../../../codegen/activities';
import { BUILTIN_ACTIVITIES, type BuiltinActivity, type HandlerActivity } from '../../../codegen/schema/design';
import { SelectInput, TextInput } from './inputs';

const NONE = 'none';

/**
 * The activity a signal or update handler runs before its assignments (which makes it async;
 * the generated code serialises such handlers with a mutex when they change state).
 */
export function HandlerActivityEditor({ activity, onChange }: { activity: HandlerActivity | undefined; onChange: (a: HandlerActivity | undefined) => void }) {
  const choose = (name: BuiltinActivity | typeof NONE) =>
    onChange(name === NONE ? undefined : { activity: name, args: Object.fromEntries(BUILTIN_ACTIVITY_SPECS[name].parameters.map((p) => [p.name, activity?.args[p.name] ?? ''])) });
  const spec = activity ? BUILTIN_ACTIVITY_SPECS[activity.activity] : null;
  return (
    <>
      <SelectInput path="activity.activity" label="Run an activity first" value={activity?.activity ?? NONE}
        options={[{ value: NONE, label: '— none —' }, ...BUILTIN_ACTIVITIES.map((a) => ({ value: a, label: a }))]} onChange={choose} />
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

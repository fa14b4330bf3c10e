'use client';
import { BUILTIN_ACTIVITY_SPECS } from '../../../codegen/activities';
import { BUILTIN_ACTIVITIES, type BuiltinActivity } from '../../../codegen/schema/design';
import { SelectInput, TextInput } from './inputs';
import type { FormProps } from './forms';

export function ActivityForm({ data, patch }: FormProps<'activity'>) {
  const changeActivity = (activity: BuiltinActivity) =>
    patch({ activity, args: Object.fromEntries(BUILTIN_ACTIVITY_SPECS[activity].parameters.map((p) => [p.name, data.args[p.name] ?? ''])) });
  return (
    <>
      <SelectInput path="activity" label="Activity" value={data.activity} options={BUILTIN_ACTIVITIES} onChange={changeActivity} />
      <p className="muted small">{BUILTIN_ACTIVITY_SPECS[data.activity].description}.</p>
      {BUILTIN_ACTIVITY_SPECS[data.activity].parameters.map((p) => (
        <TextInput key={p.name} path={`args.${p.name}`} label={`${p.name} — ${p.description.toLowerCase()}`} value={data.args[p.name] ?? ''} expression
          placeholder='e.g. "Request " + input.requestId' onChange={(v) => patch({ args: { ...data.args, [p.name]: v } })} />
      ))}
    </>
  );
}

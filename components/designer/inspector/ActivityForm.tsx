'use client';
import { BUILTIN_ACTIVITIES, type BuiltinActivity } from '../../../codegen/schema/design';
import { useDesignerStore } from '../DesignerStoreProvider';
import { SelectInput, TextInput } from './inputs';
import type { FormProps } from './forms';

/** The parameters of each built-in activity, each given as an expression. */
const PARAMETERS: Record<BuiltinActivity, string[]> = {
  log: ['message'],
  notify: ['recipient', 'message'],
};

export function ActivityForm({ data, patch }: FormProps<'activity'>) {
  const variables = useDesignerStore((s) => s.workflow.variables.map((v) => v.name).filter(Boolean));
  const changeActivity = (activity: BuiltinActivity) =>
    patch({ activity, args: Object.fromEntries(PARAMETERS[activity].map((p) => [p, data.args[p] ?? ''])) });
  return (
    <>
      <SelectInput path="activity" label="Activity" value={data.activity} options={BUILTIN_ACTIVITIES} onChange={changeActivity} />
      {PARAMETERS[data.activity].map((p) => (
        <TextInput key={p} path={`args.${p}`} label={p} value={data.args[p] ?? ''} expression
          placeholder='e.g. "Request " + input.requestId' onChange={(v) => patch({ args: { ...data.args, [p]: v } })} />
      ))}
      <SelectInput path="resultVariable" label="Store result in" value={data.resultVariable ?? ''}
        options={[{ value: '', label: '— nowhere —' }, ...variables.map((v) => ({ value: v, label: v }))]}
        onChange={(v) => patch({ resultVariable: v || undefined })} />
    </>
  );
}

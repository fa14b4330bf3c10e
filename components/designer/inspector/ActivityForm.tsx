'use client';
import { activitySpec } from '../../../codegen/activities';
import { useDesignerStore } from '../DesignerStoreProvider';
import type { DesignerStore } from '../store';
import { activityOptions, argumentsFor } from '../activities/options';
import { useOpenActivity } from '../activities/openActivity';
import { SelectInput, TextInput } from './inputs';
import type { FormProps } from './forms';

const selectActivities = (s: DesignerStore) => s.workflow.activities;

/** An Activity node: which activity (built-in or one of the design's custom ones), its arguments, where the result goes. */
export function ActivityForm({ data, patch }: FormProps<'activity'>) {
  const activities = useDesignerStore(selectActivities);
  const openActivity = useOpenActivity((s) => s.setOpen);
  const spec = activitySpec({ activities }, data.activity);
  const changeActivity = (activity: string) => patch({ activity, args: argumentsFor({ activities }, activity, data.args) });
  return (
    <>
      <SelectInput path="activity" label="Activity" value={data.activity} options={activityOptions(activities, data.activity)} onChange={changeActivity} />
      <p className="muted small" data-testid="activity-description">{spec ? `${spec.description}.` : `"${data.activity}" is not an activity of this design.`}
        {spec?.custom && <> <button type="button" className="btn btn--ghost btn--sm" data-testid="edit-activity-code" onClick={() => openActivity(data.activity)}>Edit code</button></>}
      </p>
      {spec?.parameters.map((p) => (
        <TextInput key={p.name} path={`args.${p.name}`} label={`${p.name} — ${p.description.toLowerCase()}`} value={data.args[p.name] ?? ''} expression
          placeholder='e.g. "Request " + input.requestId' onChange={(v) => patch({ args: { ...data.args, [p.name]: v } })} />
      ))}
      {spec?.result && (
        <TextInput path="resultVariable" label="Store the result in variable" value={data.resultVariable ?? ''} expression
          onChange={(v) => patch({ resultVariable: v || undefined })} />
      )}
    </>
  );
}

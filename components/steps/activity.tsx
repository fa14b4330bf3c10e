'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { activitySpec } from '@/codegen/design';
import { useOpenActivity } from '../designer/activities/open-activity';
import { activityOptions, argumentsFor } from '../designer/activities/options';
import { useDesignerStore } from '../designer/DesignerStoreProvider';
import type { FormProps } from '../designer/inspector/forms';
import { SelectInput, TextInput } from '../designer/inspector/inputs';
import type { DesignerStore } from '../designer/store';
import { InHandle } from '../flow/HandleParts';
import { NodeFrame } from '../flow/NodeFrame';
import { ActivityOptionsFields } from './activity-options';
import { FailureOutputs, OnFailureField } from './failure-output';
import type { ActivityFlowNode } from '../flow/types';
import type { StepUi } from './types';

/** Activity in the designer; what it generates: codegen/steps/activity.ts. */
function ActivityNode({ id, data, selected }: NodeProps<ActivityFlowNode>) {
  const into = data.resultVariable ? ` → ${data.resultVariable}` : '';
  return (
    <NodeFrame id={id} type="activity" label={data.label} selected={selected} subtitle={<code>{data.activity}(){into}</code>}>
      <InHandle />
      <FailureOutputs onFailure={data.onFailure} />
    </NodeFrame>
  );
}

const selectActivities = (s: DesignerStore) => s.workflow.activities;

/** Which activity (built-in or one of the design's custom ones), its arguments, where the result goes. */
function ActivityForm({ data, patch }: FormProps<'activity'>) {
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
      <ActivityOptionsFields data={data} patch={patch} />
      <OnFailureField what="the activity (after its retries)" checked={!!data.onFailure} onChange={(onFailure) => patch({ onFailure })} />
    </>
  );
}

export const activityUi: StepUi<'activity'> = {
  kind: 'activity',
  description: 'Log or notify someone',
  family: 'flow',
  icon: 'M13 2 4 14h7l-1 8 9-12h-7z',
  palette: 'Steps',
  Node: memo(ActivityNode),
  Form: ActivityForm,
  newData: () => ({ label: 'Log', activity: 'log', args: { message: '' } }),
};

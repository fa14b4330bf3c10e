'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { DurationInput } from '../designer/inspector/DurationInput';
import type { FormProps } from '../designer/inspector/forms';
import { Checkbox, TextInput } from '../designer/inspector/inputs';
import { InHandle, MessagesHandle } from '../flow/HandleParts';
import { NodeFrame } from '../flow/NodeFrame';
import { formatDuration } from '../flow/nodes/format';
import { Outputs } from '../flow/Outputs';
import type { WaitFlowNode } from '../flow/types';
import type { StepUi } from './types';

/** Wait in the designer; what it generates: codegen/steps/wait.ts. */
function WaitNode({ id, data, selected }: NodeProps<WaitFlowNode>) {
  const outputs = [{ id: 'met', label: 'met' }];
  if (data.timeout) outputs.push({ id: 'timeout', label: `after ${formatDuration(data.timeout)}` });
  return (
    <NodeFrame id={id} type="wait" label={data.label} selected={selected}
      subtitle={data.condition ? <code>until {data.condition}</code> : 'No condition yet'}>
      <InHandle />
      <MessagesHandle />
      <Outputs outputs={outputs} />
    </NodeFrame>
  );
}

function WaitForm({ data, patch }: FormProps<'wait'>) {
  return (
    <>
      <TextInput path="condition" label="Wait until" value={data.condition} expression placeholder="e.g. decided"
        hint="Continues through “met” as soon as this holds." onChange={(condition) => patch({ condition })} />
      <Checkbox path="hasTimeout" label="Give up after a timeout" checked={!!data.timeout}
        onChange={(on) => patch({ timeout: on ? { amount: 7, unit: 'days' } : undefined })} />
      {data.timeout && (
        <div className="field">
          <span className="field__label">Timeout</span>
          <DurationInput path="timeout" value={data.timeout} onChange={(timeout) => patch({ timeout })} />
          <span className="field__hint">Then continues through “timeout”.</span>
        </div>
      )}
    </>
  );
}

export const waitUi: StepUi<'wait'> = {
  kind: 'wait',
  description: 'Pause until a condition holds, or a timeout',
  family: 'flow',
  icon: 'M7 3h10M7 21h10M8 3c0 5 8 6 8 9s-8 4-8 9M16 3c0 5-8 6-8 9s8 4 8 9',
  palette: 'Steps',
  Node: memo(WaitNode),
  Form: WaitForm,
  newData: () => ({ label: 'Wait', condition: '' }),
};

'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { DurationInput } from '../designer/inspector/DurationInput';
import type { FormProps } from '../designer/inspector/forms';
import { InHandle, NextHandle } from '../flow/HandleParts';
import { NodeFrame } from '../flow/NodeFrame';
import { formatDuration } from '../flow/nodes/format';
import type { TimerFlowNode } from '../flow/types';
import type { StepUi } from './types';

/** Timer in the designer; what it generates: codegen/steps/timer.ts. */
function TimerNode({ id, data, selected }: NodeProps<TimerFlowNode>) {
  return (
    <NodeFrame id={id} type="timer" label={data.label} selected={selected} subtitle={`sleep ${formatDuration(data.duration)}`}>
      <InHandle />
      <NextHandle />
    </NodeFrame>
  );
}

function TimerForm({ data, patch }: FormProps<'timer'>) {
  return (
    <div className="field">
      <span className="field__label">Sleep for</span>
      <DurationInput path="duration" value={data.duration} onChange={(duration) => patch({ duration })} />
    </div>
  );
}

export const timerUi: StepUi<'timer'> = {
  kind: 'timer',
  description: 'Sleep for a fixed duration',
  family: 'flow',
  icon: 'M12 8v5l3 2M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM9 2h6',
  palette: 'Steps',
  Node: memo(TimerNode),
  Form: TimerForm,
  newData: () => ({ label: 'Timer', duration: { amount: 1, unit: 'minutes' } }),
};

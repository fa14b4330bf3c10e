'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { WaitFlowNode } from '../types';
import { InHandle, MessagesHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';
import { Outputs } from '../Outputs';
import { formatDuration } from './format';

function WaitNodeView({ id, data, selected }: NodeProps<WaitFlowNode>) {
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

export const WaitNode = memo(WaitNodeView);

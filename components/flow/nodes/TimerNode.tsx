'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { TimerFlowNode } from '../types';
import { InHandle, NextHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';
import { formatDuration } from './format';

function TimerNodeView({ id, data, selected }: NodeProps<TimerFlowNode>) {
  return (
    <NodeFrame id={id} type="timer" label={data.label} selected={selected} subtitle={`sleep ${formatDuration(data.duration)}`}>
      <InHandle />
      <NextHandle />
    </NodeFrame>
  );
}

export const TimerNode = memo(TimerNodeView);

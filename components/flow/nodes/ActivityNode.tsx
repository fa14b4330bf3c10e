'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ActivityFlowNode } from '../types';
import { InHandle, NextHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';

function ActivityNodeView({ id, data, selected }: NodeProps<ActivityFlowNode>) {
  const into = data.resultVariable ? ` → ${data.resultVariable}` : '';
  return (
    <NodeFrame id={id} type="activity" label={data.label} selected={selected} subtitle={<code>{data.activity}(){into}</code>}>
      <InHandle />
      <NextHandle />
    </NodeFrame>
  );
}

export const ActivityNode = memo(ActivityNodeView);

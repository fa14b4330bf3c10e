'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StartFlowNode } from '../types';
import { NextHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';

function StartNodeView({ id, data, selected }: NodeProps<StartFlowNode>) {
  return (
    <NodeFrame id={id} type="start" label={data.label} selected={selected}>
      <NextHandle />
    </NodeFrame>
  );
}

export const StartNode = memo(StartNodeView);

'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { SignalExternalFlowNode } from '../types';
import { InHandle, NextHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';

function SignalExternalNodeView({ id, data, selected }: NodeProps<SignalExternalFlowNode>) {
  return (
    <NodeFrame id={id} type="signalExternal" label={data.label} selected={selected}
      subtitle={<code>signal {data.signal || '(no signal yet)'}</code>}>
      <InHandle />
      <NextHandle />
    </NodeFrame>
  );
}

export const SignalExternalNode = memo(SignalExternalNodeView);

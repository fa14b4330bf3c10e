'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EndFlowNode } from '../types';
import { InHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';

function EndNodeView({ id, data, selected }: NodeProps<EndFlowNode>) {
  const verb = data.outcome === 'fail' ? 'fail' : 'return';
  return (
    <NodeFrame id={id} type="end" label={data.label} selected={selected}
      subtitle={data.result ? <code>{verb} {data.result}</code> : `${verb} (no result yet)`}>
      <InHandle />
    </NodeFrame>
  );
}

export const EndNode = memo(EndNodeView);

'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DecisionFlowNode } from '../types';
import { InHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';
import { Outputs } from '../Outputs';

function DecisionNodeView({ id, data, selected }: NodeProps<DecisionFlowNode>) {
  const outputs = [
    ...data.branches.map((b, i) => ({ id: b.id, label: b.label || `Branch ${i + 1}` })),
    { id: 'else', label: 'else' },
  ];
  const n = data.branches.length;
  return (
    <NodeFrame id={id} type="decision" label={data.label} selected={selected}
      subtitle={`${n} branch${n === 1 ? '' : 'es'} + else`}>
      <InHandle />
      <Outputs outputs={outputs} />
    </NodeFrame>
  );
}

export const DecisionNode = memo(DecisionNodeView);

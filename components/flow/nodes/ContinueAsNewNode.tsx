'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ContinueAsNewFlowNode } from '../types';
import { InHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';

/** A terminal step: the run ends and the workflow continues as a new run with the carried state. */
function ContinueAsNewNodeView({ id, data, selected }: NodeProps<ContinueAsNewFlowNode>) {
  const carried = data.carry.length ? `carry ${data.carry.join(', ')}` : 'carry nothing';
  return (
    <NodeFrame id={id} type="continueAsNew" label={data.label} selected={selected} subtitle={carried}>
      <InHandle />
    </NodeFrame>
  );
}

export const ContinueAsNewNode = memo(ContinueAsNewNodeView);

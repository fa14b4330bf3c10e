'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { AssignFlowNode } from '../types';
import { InHandle, NextHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';

function AssignNodeView({ id, data, selected }: NodeProps<AssignFlowNode>) {
  const [first, ...rest] = data.assignments;
  const subtitle = first
    ? <code>{first.variable} = {first.value}{rest.length ? ` (+${rest.length})` : ''}</code>
    : 'No assignments yet';
  return (
    <NodeFrame id={id} type="assign" label={data.label} selected={selected} subtitle={subtitle}>
      <InHandle />
      <NextHandle />
    </NodeFrame>
  );
}

export const AssignNode = memo(AssignNodeView);

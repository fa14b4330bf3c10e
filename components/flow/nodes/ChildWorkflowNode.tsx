'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ChildWorkflowFlowNode } from '../types';
import { InHandle, NextHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';

function ChildWorkflowNodeView({ id, data, selected }: NodeProps<ChildWorkflowFlowNode>) {
  const verb = data.waitForResult ? 'run' : 'start';
  const into = data.waitForResult && data.resultVariable ? ` → ${data.resultVariable}` : '';
  return (
    <NodeFrame id={id} type="childWorkflow" label={data.label} selected={selected}
      subtitle={<code>{verb} {data.workflowType || '(no type yet)'}{into}</code>}>
      <InHandle />
      <NextHandle />
    </NodeFrame>
  );
}

export const ChildWorkflowNode = memo(ChildWorkflowNodeView);

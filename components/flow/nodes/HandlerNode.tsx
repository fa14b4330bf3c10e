'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { QueryFlowNode, SignalFlowNode, UpdateFlowNode } from '../types';
import { HandlerOutHandle } from '../HandleParts';
import { NodeFrame } from '../NodeFrame';
import { formatParams } from './format';

type HandlerFlowNode = SignalFlowNode | QueryFlowNode | UpdateFlowNode;

/** Signal, query and update nodes: a message's signature; signals and updates can feed waits. */
function HandlerNodeView({ id, type, data, selected }: NodeProps<HandlerFlowNode>) {
  return (
    <NodeFrame id={id} type={type} label={data.label} selected={selected}
      subtitle={<code>{data.name || '?'}({formatParams(data.parameters)})</code>}>
      {type !== 'query' && <HandlerOutHandle />}
    </NodeFrame>
  );
}

export const HandlerNode = memo(HandlerNodeView);

'use client';
import { Handle, Position, useNodeId, useUpdateNodeInternals } from '@xyflow/react';
import { useEffect } from 'react';

export interface Output {
  id: string;
  label: string;
}

/** A labelled row of output handles along a node's bottom edge (wait, decision). */
export function Outputs({ outputs }: { outputs: Output[] }) {
  const nodeId = useNodeId();
  const updateNodeInternals = useUpdateNodeInternals();
  const key = outputs.map((o) => o.id).join('|');
  useEffect(() => {
    if (nodeId) updateNodeInternals(nodeId);
  }, [key, nodeId, updateNodeInternals]);
  return (
    <div className="fnode__outs">
      {outputs.map((o) => (
        <div className="fnode__out" key={o.id}>
          <span title={o.label}>{o.label}</span>
          <Handle type="source" position={Position.Bottom} id={o.id} className={`handle-out handle-${o.id}`} />
        </div>
      ))}
    </div>
  );
}

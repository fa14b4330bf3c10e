import { MarkerType } from '@xyflow/react';
import { edgeLabelFor, IN_HANDLE, MESSAGES_HANDLE } from './handles';
import type { DesignerEdge } from './types';

interface EdgeSpec {
  id: string;
  source: string;
  target: string;
  sourceHandle: string;
  /** A message handler attached to a wait: drawn dashed, enters the wait from the side. */
  fromHandler: boolean;
}

/** The one place canvas edges are shaped, for loaded designs and new connections alike. */
export function makeEdge({ id, source, target, sourceHandle, fromHandler }: EdgeSpec): DesignerEdge {
  return {
    id,
    source,
    target,
    sourceHandle,
    targetHandle: fromHandler ? MESSAGES_HANDLE : IN_HANDLE,
    className: fromHandler ? 'edge-message' : 'edge-flow',
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    label: edgeLabelFor(sourceHandle),
  };
}


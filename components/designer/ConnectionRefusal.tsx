'use client';
import { useConnection, useStore, type ReactFlowState } from '@xyflow/react';
import { checkDrag, type ConnectionVerdict } from './connection';
import styles from './ConnectionRefusal.module.css';
import { useDesignerStoreApi } from './DesignerStoreProvider';
import { nodeAt, verdictOnBody } from './drop-target';
import { nodeBoxes } from './node-boxes';

/** How far from the pointer the reason appears, so it never hides the handle being aimed at. */
export const POINTER_OFFSET = 16;

const selectTransform = (s: ReactFlowState) => s.transform;
const selectLookup = (s: ReactFlowState) => s.nodeLookup;

/**
 * While a connection is dragged onto a handle or a step that refuses it, says why next to the pointer.
 * Must be rendered inside <ReactFlow>: it reads the connection in progress from React Flow's store.
 */
export function ConnectionRefusal() {
  const connection = useConnection();
  const store = useDesignerStoreApi();
  const [tx, ty, zoom] = useStore(selectTransform);
  const nodeLookup = useStore(selectLookup);
  if (!connection.inProgress || connection.isValid === true) return null;
  let verdict: ConnectionVerdict = { ok: true };
  if (connection.toHandle) {
    verdict = checkDrag(connection.fromHandle, connection.toHandle, store.getState());
  } else {
    // Over a step's body, away from its handles: a drop there is meant for that step.
    const flowPoint = { x: (connection.pointer.x - tx) / zoom, y: (connection.pointer.y - ty) / zoom };
    const nodeId = nodeAt(flowPoint, nodeBoxes(nodeLookup));
    verdict = nodeId ? verdictOnBody(nodeId, connection.fromHandle, store.getState()) : verdict;
  }
  if (verdict.ok) return null;
  return <RefusalNote reason={verdict.reason} at={connection.pointer} testId="connection-refusal" />;
}

/** A reason shown next to a point of the canvas (container coordinates). */
export function RefusalNote({ reason, at, testId }: { reason: string; at: { x: number; y: number }; testId: string }) {
  return (
    <div className={styles.refusal} role="status" data-testid={testId}
      style={{ left: at.x + POINTER_OFFSET, top: at.y + POINTER_OFFSET }}>
      {reason}
    </div>
  );
}

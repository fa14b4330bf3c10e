'use client';
import { useConnection } from '@xyflow/react';
import { checkDrag } from './connection';
import styles from './ConnectionRefusal.module.css';
import { useDesignerStoreApi } from './DesignerStoreProvider';

/** How far from the pointer the reason appears, so it never hides the handle being aimed at. */
const POINTER_OFFSET = 16;

/**
 * While a connection is dragged onto a handle that refuses it, says why next to the pointer.
 * Must be rendered inside <ReactFlow>: it reads the connection in progress from React Flow's store.
 */
export function ConnectionRefusal() {
  const connection = useConnection();
  const store = useDesignerStoreApi();
  if (!connection.inProgress || connection.isValid !== false || !connection.toHandle) return null;
  const verdict = checkDrag(connection.fromHandle, connection.toHandle, store.getState());
  if (verdict.ok) return null;
  return (
    <div
      className={styles.refusal}
      role="status"
      data-testid="connection-refusal"
      style={{ left: connection.pointer.x + POINTER_OFFSET, top: connection.pointer.y + POINTER_OFFSET }}
    >
      {verdict.reason}
    </div>
  );
}

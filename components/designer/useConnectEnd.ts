'use client';
import { useReactFlow, useStoreApi, type FinalConnectionState, type XYPosition } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { checkDrag, type DragEnd } from './connection';
import { kindsThatFit, type FittingKind } from './connect-menu';
import { useDesignerStoreApi } from './DesignerStoreProvider';
import { bodyEnd, nodeAt, verdictOnBody } from './drop-target';
import { nodeBoxes } from './node-boxes';

/** How long the reason for a refused drop stays next to where it was dropped. */
const NOTE_MS = 4000;

/** The menu opened by a connection dropped on empty canvas. */
export interface ConnectMenuState {
  from: DragEnd;
  fits: FittingKind[];
  /** Where it opens: the drop point in the canvas container's coordinates. */
  at: XYPosition;
  /** Where the new step goes, in flow coordinates. */
  flowPosition: XYPosition;
}

export interface RefusedDrop {
  reason: string;
  at: XYPosition;
}

const pointOf = (event: MouseEvent | TouchEvent) => ('changedTouches' in event ? event.changedTouches[0] : event);

/**
 * What a connection dragged to somewhere other than an accepting handle does when released:
 * on empty canvas it opens the menu of the steps that fit there; on a step's body it connects to that
 * step (or says why not); on a refusing handle it says why, next to the pointer, for a few seconds.
 */
export function useConnectEnd() {
  const store = useDesignerStoreApi();
  const flow = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const [menu, setMenu] = useState<ConnectMenuState | null>(null);
  const [refused, setRefused] = useState<RefusedDrop | null>(null);

  useEffect(() => {
    if (!refused) return;
    const timer = setTimeout(() => setRefused(null), NOTE_MS);
    return () => clearTimeout(timer);
  }, [refused]);

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    const point = pointOf(event);
    if (state.isValid || !state.fromHandle || !point || !state.pointer) return;
    const from: DragEnd = state.fromHandle;
    const graph = store.getState();
    const at = state.pointer;
    if (state.toHandle) {
      const verdict = checkDrag(from, state.toHandle, graph);
      if (!verdict.ok) setRefused({ reason: verdict.reason, at });
      return;
    }
    const flowPosition = screenToFlowPosition({ x: point.clientX, y: point.clientY });
    const nodeId = nodeAt(flowPosition, nodeBoxes(flow.getState().nodeLookup));
    if (nodeId) {
      const verdict = verdictOnBody(nodeId, from, graph);
      const end = bodyEnd(nodeId, from, graph);
      if (!verdict.ok || !end) {
        setRefused({ reason: verdict.ok ? 'That step cannot be connected here' : verdict.reason, at });
        return;
      }
      const [source, target] = from.type === 'source' ? [from, end] : [end, from];
      graph.onConnect({ source: source.nodeId, sourceHandle: source.id ?? null, target: target.nodeId, targetHandle: target.id ?? null });
      return;
    }
    const fits = kindsThatFit(from, graph);
    if (fits.length === 0) setRefused({ reason: 'No step can be connected to this handle', at });
    else setMenu({ from, fits, at, flowPosition });
  }, [store, flow, screenToFlowPosition]);

  const onConnectStart = useCallback(() => {
    setRefused(null);
    setMenu(null);
  }, []);

  return { onConnectStart, onConnectEnd, menu, closeMenu: useCallback(() => setMenu(null), []), refused };
}

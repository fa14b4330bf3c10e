'use client';
import { useReactFlow } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { NODE_TYPES_ALL } from './node-type-list';
import { useDesignerStoreApi } from './DesignerStoreProvider';
import type { NodeType } from '@/codegen/design';

/** The data type a palette drag carries: the node kind. */
export const DRAG_MIME = 'application/x-signalbox-node';

/** Palette → canvas drag-and-drop: the palette puts the kind under DRAG_MIME; the canvas drops it here. */
export function useDropNode() {
  const { screenToFlowPosition } = useReactFlow();
  const store = useDesignerStoreApi();

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(DRAG_MIME) as NodeType;
      if (!NODE_TYPES_ALL.includes(type) || type === 'start') return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Centre the node (about 200×70) under the pointer.
      store.getState().addNode(type, { x: Math.round(position.x - 100), y: Math.round(position.y - 30) });
    },
    [screenToFlowPosition, store],
  );

  return { onDragOver, onDrop };
}

export function startPaletteDrag(event: DragEvent, type: NodeType) {
  event.dataTransfer.setData(DRAG_MIME, type);
  event.dataTransfer.setData('text/plain', type);
  event.dataTransfer.effectAllowed = 'move';
}

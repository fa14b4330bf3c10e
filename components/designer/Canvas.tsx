'use client';
import { Background, Controls, MiniMap, ReactFlow, type Connection, type Edge } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { groupByNode, NodeDecorationsContext } from '../flow/decorations';
import { nodeTypes } from '../flow/nodeTypes';
import { isValidConnection } from './connection';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';
import type { DesignerStore } from './store';
import { useDropNode } from './useDropNode';

const selectGraph = (s: DesignerStore) => ({
  nodes: s.nodes,
  edges: s.edges,
  onNodesChange: s.onNodesChange,
  onEdgesChange: s.onEdgesChange,
  onConnect: s.onConnect,
});
const selectDiagnostics = (s: DesignerStore) => s.compile.diagnostics;
const DELETE_KEYS = ['Delete', 'Backspace'];
const FIT_VIEW_OPTIONS = { padding: 0.3, maxZoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };

/** The editable canvas. */
export function Canvas() {
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect } = useDesignerStore(selectGraph);
  const diagnostics = useDesignerStore(selectDiagnostics);
  const store = useDesignerStoreApi();
  const { onDragOver, onDrop } = useDropNode();
  const decorations = useMemo(() => ({ diagnostics: groupByNode(diagnostics) }), [diagnostics]);
  const validate = useCallback(
    (c: Connection | Edge) => isValidConnection(c, store.getState()),
    [store],
  );

  return (
    <div className="canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <NodeDecorationsContext.Provider value={decorations}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          isValidConnection={validate}
          deleteKeyCode={DELETE_KEYS}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          snapToGrid
          snapGrid={[10, 10]}
          proOptions={PRO_OPTIONS}
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable className="minimap" />
        </ReactFlow>
        {nodes.length <= 1 && (
          <div className="canvas-hint" data-testid="canvas-hint">
            <strong>Your workflow starts here.</strong> Drag a Wait, Activity or End from the palette, then drag from the
            Start node&apos;s handle to connect it.
          </div>
        )}
      </NodeDecorationsContext.Provider>
    </div>
  );
}

'use client';
import { Background, Controls, MiniMap, Panel, ReactFlow, useStore, type Connection, type Edge, type ReactFlowState } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { CanvasToolbar } from './CanvasToolbar';
import { groupByNode, NodeDecorationsContext } from '../flow/decorations';
import { focusNode, LARGE_DESIGN_NODES, showsOverview, useFitView } from '../flow/fit';
import { nodeTypes } from '../flow/node-types';
import { edgeTypes } from '../flow/RoutedEdge';
import { Overview } from '../flow/Overview';
import { isValidConnection } from './connection';
import { ConnectionRefusal, RefusalNote } from './ConnectionRefusal';
import { ConnectMenu } from './ConnectMenu';
import type { FittingKind } from './connect-menu';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';
import type { DesignerStore } from './store';
import { useTheme } from './theme';
import { useConnectEnd } from './useConnectEnd';
import { useDropNode } from './useDropNode';
import { useInitialView } from './useInitialView';
import { useOpeningLayout } from './useOpeningLayout';

const selectGraph = (s: DesignerStore) => ({
  nodes: s.nodes,
  edges: s.edges,
  onNodesChange: s.onNodesChange,
  onEdgesChange: s.onEdgesChange,
  onConnect: s.onConnect,
});
const selectDiagnostics = (s: DesignerStore) => s.compile.diagnostics;
/** Above this many nodes only the visible ones are rendered (see bench/designer.ts). */
const VIRTUALISE_ABOVE = LARGE_DESIGN_NODES;
const DELETE_KEYS = ['Delete', 'Backspace'];
const selectZoom = (s: ReactFlowState) => s.transform[2];
/** Far enough out to see a 1,000-node design whole. */
const MIN_ZOOM = 0.05;
const PRO_OPTIONS = { hideAttribution: true };
const SNAP_GRID: [number, number] = [10, 10];
/** Ctrl (or ⌘) adds to the selection; Shift-drag draws a selection box. */
const MULTI_SELECT_KEYS = ['Meta', 'Control'];

interface CanvasProps {
  onLayout: () => void;
  layoutBusy: boolean;
  onHelp: () => void;
}

/** The editable canvas. */
/** Below this canvas size the minimap starts hidden (the toggle shows it). */
const MINIMAP_MIN_CANVAS = { width: 640, height: 420 };

export function Canvas({ onLayout, layoutBusy, onHelp }: CanvasProps) {
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect } = useDesignerStore(selectGraph);
  const diagnostics = useDesignerStore(selectDiagnostics);
  const store = useDesignerStoreApi();
  const theme = useTheme();
  const { onDragOver, onDrop } = useDropNode();
  useInitialView(VIRTUALISE_ABOVE);
  useOpeningLayout(VIRTUALISE_ABOVE);
  // The minimap draws every node, on every change: on large designs it is opt-in. On a small canvas
  // (a 1024×768 window leaves ~470 px) its 200×150 px would cover the steps it summarises: opt-in too.
  const [minimapWanted, setMinimapWanted] = useState<boolean | null>(null);
  const large = nodes.length > VIRTUALISE_ABOVE;
  const roomy = useStore((s) => s.width >= MINIMAP_MIN_CANVAS.width && s.height >= MINIMAP_MIN_CANVAS.height);
  const showMinimap = minimapWanted ?? (!large && roomy);
  // Zoomed out on a large design every node would be in view and rendered: React Flow's nodes
  // are hidden (their edges with them) and the overview draws the design instead.
  const overview = useStore((s) => showsOverview(selectZoom(s)));
  const flowNodes = useMemo(() => (overview ? nodes.map((n) => ({ ...n, hidden: true })) : nodes), [overview, nodes]);
  const fitView = useFitView();
  const reveal = useCallback((id: string) => {
    store.getState().selectNode(id);
    void fitView(focusNode(id));
  }, [store, fitView]);
  const decorations = useMemo(() => ({ diagnostics: groupByNode(diagnostics) }), [diagnostics]);
  const { onConnectStart, onConnectEnd, menu, closeMenu, refused } = useConnectEnd();
  const pick = useCallback((fit: FittingKind) => {
    if (!menu) return;
    // Centre the new step (about 200×70) under the drop point, like a palette drop.
    const position = { x: Math.round(menu.flowPosition.x - 100), y: Math.round(menu.flowPosition.y - 30) };
    store.getState().addConnectedNode(fit.kind, position, menu.from, fit.handle);
    closeMenu();
  }, [menu, store, closeMenu]);
  const validate = useCallback(
    (c: Connection | Edge) => isValidConnection(c, store.getState()),
    [store],
  );

  return (
    <div className="canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <NodeDecorationsContext.Provider value={decorations}>
        <ReactFlow
          nodes={flowNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectStart={onConnectStart}
          onConnectEnd={onConnectEnd}
          onPaneClick={closeMenu}
          isValidConnection={validate}
          deleteKeyCode={DELETE_KEYS}
          minZoom={MIN_ZOOM}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          snapToGrid
          snapGrid={SNAP_GRID}
          colorMode={theme}
          onlyRenderVisibleElements={nodes.length > VIRTUALISE_ABOVE}
          proOptions={PRO_OPTIONS}
        >
          <CanvasToolbar onLayout={onLayout} layoutBusy={layoutBusy} onHelp={onHelp} />
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
          {showMinimap && <MiniMap pannable zoomable className="minimap" />}
          {overview && <Overview nodes={nodes} edges={edges} onPick={reveal} />}
          <ConnectionRefusal />
          {refused && <RefusalNote reason={refused.reason} at={refused.at} testId="connection-refused" />}
          {menu && <ConnectMenu menu={menu} onPick={pick} onClose={closeMenu} />}
          {(large || !roomy) && (
            <Panel position="bottom-right" className="minimap-toggle">
              <button type="button" className="btn btn--sm" data-testid="minimap-toggle" onClick={() => setMinimapWanted(!showMinimap)}
                title={large ? 'The minimap redraws every node on every change, which slows large designs down' : 'On a small canvas the minimap would cover steps'}>
                {showMinimap ? 'Hide minimap' : 'Show minimap'}
              </button>
            </Panel>
          )}
        </ReactFlow>
        {nodes.length <= 1 && !menu && (
          <div className="canvas-hint" data-testid="canvas-hint">
            <strong>Your workflow starts here.</strong> Drag a Wait, Activity or End from the palette, then drag from the
            Start node&apos;s handle to connect it.
          </div>
        )}
      </NodeDecorationsContext.Provider>
    </div>
  );
}

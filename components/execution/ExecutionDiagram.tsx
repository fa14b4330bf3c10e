'use client';
import { Background, Controls, Panel, ReactFlow, ReactFlowProvider, useNodesInitialized, useReactFlow, useStore, type FitViewOptions, type NodeMouseHandler } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Design, DesignerState } from '@/codegen/design';
import { designToFlow } from '../designer/convert';
import { NodeDecorationsContext } from '../flow/decorations';
import { VisitContext, visitNodeTypes, type VisitInfo } from './visit-node-types';

/**
 * Screen pixels kept clear around the nodes: the badges drawn over a node (visit count above,
 * deadline / running updates / "ended here" below) and the lit step's glow stick out of the box
 * React Flow measures, so a percentage padding cut them off on a wide, short canvas.
 */
const FIT: FitViewOptions = { padding: { top: '44px', bottom: '44px', left: '36px', right: '36px' }, maxZoom: 1, minZoom: 0.15 };
/** How close to the canvas edge the lit step may come before follow mode pans to it. */
const FOLLOW_MARGIN_PX = 48;
const PRO_OPTIONS = { hideAttribution: true };

const NO_UPDATES: string[] = [];

export type Ending = 'completed' | 'stopped';

interface Props {
  design: Design;
  state?: DesignerState;
  timerDeadlines?: string[];
  /** Names of the updates accepted and not finished (one entry per running handler). */
  runningUpdates?: string[];
  /** Set once the execution has closed: its current step is where it ended. */
  ending?: Ending;
  selectedNodeId: string | null;
  onSelectNode: (id: string | null) => void;
  follow: boolean;
  onFollowChange: (follow: boolean) => void;
}

/** The design, read-only, with the current step lit, the path taken marked, visit counts, the current wait's deadline and running updates. */
export function ExecutionDiagram(props: Props) {
  return (
    <div className="exec-diagram" data-testid="execution-diagram">
      <ReactFlowProvider>
        <DiagramCanvas {...props} />
      </ReactFlowProvider>
    </div>
  );
}

function DiagramCanvas({ design, state, timerDeadlines = [], runningUpdates = NO_UPDATES, ending, selectedNodeId, onSelectNode, follow, onFollowChange }: Props) {
  const flow = useMemo(() => designToFlow(design), [design]);
  const path = state?.path;
  const current = state?.currentStep;
  const nodes = useMemo(
    () => flow.nodes.map((n) => (n.id === selectedNodeId ? { ...n, selected: true } : n)),
    [flow, selectedNodeId],
  );
  const edges = useMemo(() => {
    const taken = new Set<string>();
    for (let i = 0; i + 1 < (path?.length ?? 0); i++) taken.add(`${path![i]}→${path![i + 1]}`);
    return flow.edges.map((e) => (taken.has(`${e.source}→${e.target}`) ? { ...e, className: `${e.className} edge-taken`, animated: false } : e));
  }, [flow, path]);
  const decorations = useMemo(
    () => ({ diagnostics: new Map(), current, visited: new Set(path ?? []) }),
    [current, path],
  );
  const currentType = design.nodes.find((n) => n.id === current)?.type;
  const earliest = [...timerDeadlines].sort()[0];
  const visits = useMemo<VisitInfo>(() => {
    const counts = new Map<string, number>();
    for (const id of path ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    // A pending timer belongs to the step the workflow waits in (a wait's timeout or a timer node).
    const deadlines = new Map<string, string>();
    if (current && earliest && (currentType === 'wait' || currentType === 'timer')) deadlines.set(current, earliest);
    const running = new Map<string, number>();
    for (const name of runningUpdates) {
      const node = design.nodes.find((n) => n.type === 'update' && n.name === name);
      if (node) running.set(node.id, (running.get(node.id) ?? 0) + 1);
    }
    const endedAt = ending && current ? { nodeId: current, text: ending === 'completed' ? 'ended here' : 'stopped here' } : undefined;
    return { counts, deadlines, running, endedAt };
  }, [path, current, currentType, earliest, runningUpdates, design, ending]);

  const onNodeClick = useCallback<NodeMouseHandler>((_, node) => onSelectNode(node.id === selectedNodeId ? null : node.id), [onSelectNode, selectedNodeId]);
  const onPaneClick = useCallback(() => onSelectNode(null), [onSelectNode]);
  const camera = useCamera();
  useEffect(() => {
    if (follow && current) camera.keepInView(current);
  }, [follow, current, camera]);
  useEffect(() => {
    if (selectedNodeId) camera.keepInView(selectedNodeId);
  }, [selectedNodeId, camera]);

  return (
    <NodeDecorationsContext.Provider value={decorations}>
      <VisitContext.Provider value={visits}>
        <ReactFlow nodes={nodes} edges={edges} nodeTypes={visitNodeTypes} nodesDraggable={false} nodesConnectable={false}
          elementsSelectable={false} deleteKeyCode={null} proOptions={PRO_OPTIONS} minZoom={FIT.minZoom}
          onNodeClick={onNodeClick} onPaneClick={onPaneClick}>
          <Background gap={20} size={1} />
          <Controls showInteractive={false} showFitView={false} />
          <Panel position="top-left" className="canvas-toolbar" data-testid="diagram-toolbar">
            <label className="check small" title="Keep the lit step in view as the execution moves">
              <input type="checkbox" checked={follow} onChange={(e) => onFollowChange(e.target.checked)} data-testid="diagram-follow" />
              <span>Follow</span>
            </label>
            <span className="canvas-toolbar__sep" />
            <button type="button" className="btn btn--ghost btn--sm" onClick={() => void camera.fitAll(300)} data-testid="diagram-fit"
              title="Show every step">
              Fit
            </button>
          </Panel>
        </ReactFlow>
      </VisitContext.Provider>
    </NodeDecorationsContext.Provider>
  );
}

/**
 * The viewport moves: fit every node once they are measured and the canvas has a size, and pan
 * (keeping the zoom) to a node that is outside the canvas or too near its edge.
 */
function useCamera() {
  const flow = useReactFlow();
  const initialized = useNodesInitialized();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const size = useRef({ width, height });
  size.current = { width, height };
  const ready = initialized && width > 0 && height > 0;
  const fitted = useRef(false);
  const waiting = useRef<string | null>(null);

  const keepInViewNow = useCallback((id: string, duration: number) => {
    const node = flow.getInternalNode(id);
    if (!node) return;
    const { width: canvasWidth, height: canvasHeight } = size.current;
    const { x, y, zoom } = flow.getViewport();
    const w = node.measured.width ?? 200;
    const h = node.measured.height ?? 60;
    const at = node.internals.positionAbsolute;
    const left = at.x * zoom + x;
    const top = at.y * zoom + y;
    const inside = left >= FOLLOW_MARGIN_PX && top >= FOLLOW_MARGIN_PX
      && left + w * zoom <= canvasWidth - FOLLOW_MARGIN_PX && top + h * zoom <= canvasHeight - FOLLOW_MARGIN_PX;
    if (!inside) void flow.setCenter(at.x + w / 2, at.y + h / 2, { zoom, duration });
  }, [flow]);

  const fitAll = useCallback((duration: number) => flow.fitView({ ...FIT, duration }), [flow]);

  // The first fit waits for measured nodes and a sized canvas; a node asked for meanwhile is kept in view after it.
  useEffect(() => {
    if (!ready || fitted.current) return;
    fitted.current = true;
    void fitAll(0).then(() => {
      if (waiting.current) keepInViewNow(waiting.current, 0);
    });
  }, [ready, fitAll, keepInViewNow]);

  // A resized canvas (side panel dragged or collapsed, window resized) must not lose the node followed.
  useEffect(() => {
    if (fitted.current && waiting.current) keepInViewNow(waiting.current, 0);
  }, [width, height, keepInViewNow]);

  const keepInView = useCallback((id: string) => {
    waiting.current = id;
    if (fitted.current) keepInViewNow(id, 300);
  }, [keepInViewNow]);

  return useMemo(() => ({ keepInView, fitAll }), [keepInView, fitAll]);
}

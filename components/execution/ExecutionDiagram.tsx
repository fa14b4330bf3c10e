'use client';
import { Background, Controls, getViewportForBounds, Panel, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type FitViewOptions, type ReactFlowState, type NodeMouseHandler } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
/** How close to the canvas edge the lit step may come before follow mode pans to it: under FIT's padding, so a fitted node never moves. */
const FOLLOW_MARGIN_PX = 24;
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
          onNodeClick={onNodeClick} onPaneClick={onPaneClick} onMoveStart={camera.onMoveStart}>
          <Background gap={20} size={1} />
          <Controls showInteractive={false} showFitView={false} onZoomIn={camera.userMoved} onZoomOut={camera.userMoved} />
          <Panel position="top-left" className="canvas-toolbar" data-testid="diagram-toolbar">
            <label className="check small" title="Keep the lit step in view as the execution moves">
              <input type="checkbox" checked={follow} onChange={(e) => onFollowChange(e.target.checked)} data-testid="diagram-follow" />
              <span>Follow</span>
            </label>
            <span className="canvas-toolbar__sep" />
            <button type="button" className="btn btn--ghost btn--sm" onClick={camera.fitAgain} data-testid="diagram-fit"
              title="Show every step">
              Fit
            </button>
          </Panel>
        </ReactFlow>
      </VisitContext.Provider>
    </NodeDecorationsContext.Provider>
  );
}

/** The canvas element's size, followed with a ResizeObserver (panels dragged, banner shown, window resized). */
function useCanvasSize(element: HTMLElement | null): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    if (!element) return;
    const measure = () => setSize((now) => (now.width === element.clientWidth && now.height === element.clientHeight
      ? now : { width: element.clientWidth, height: element.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

function everyNodeMeasured(state: ReactFlowState): boolean {
  if (state.nodeLookup.size === 0) return false;
  for (const node of state.nodeLookup.values()) {
    if (!node.hidden && !(node.measured.width && node.measured.height)) return false;
  }
  return true;
}

function nodesExtent(state: ReactFlowState): string {
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  for (const node of state.nodeLookup.values()) {
    const { x, y } = node.internals.positionAbsolute;
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + (node.measured.width ?? 0));
    bottom = Math.max(bottom, y + (node.measured.height ?? 0));
  }
  return `${Math.round(left)},${Math.round(top)},${Math.round(right)},${Math.round(bottom)}`;
}

/**
 * The viewport moves: fit every node once they are measured and the canvas has a size, and pan
 * (keeping the zoom) to a node that is outside the canvas or too near its edge. Until the person
 * pans or zooms, a resized canvas (the panels settling, the result banner, the window) fits again:
 * a fit made for the first, smaller or larger canvas would cut nodes off. Fit returns to that mode.
 */
function useCamera() {
  const flow = useReactFlow();
  // Not useNodesInitialized(): it reads the nodes as given, and these are given without their
  // measurements (no onNodesChange on a read-only diagram), so it stayed false and the first fit never ran.
  const initialized = useStore(everyNodeMeasured);
  const dom = useStore((s) => s.domNode);
  const { width, height } = useCanvasSize(dom);
  // The measured nodes' extent as text (compared by value): nodes re-measured or laid out again move it.
  const extent = useStore(nodesExtent);
  const size = useRef({ width, height });
  size.current = { width, height };
  const ready = initialized && width > 0 && height > 0;
  const fitted = useRef(false);
  const moved = useRef(false);
  const waiting = useRef<string | null>(null);

  const keepInViewNow = useCallback((id: string, duration: number) => {
    const node = flow.getInternalNode(id);
    if (!node) return;
    const canvasWidth = dom?.clientWidth ?? size.current.width;
    const canvasHeight = dom?.clientHeight ?? size.current.height;
    const { x, y, zoom } = flow.getViewport();
    const w = node.measured.width ?? 200;
    const h = node.measured.height ?? 60;
    const at = node.internals.positionAbsolute;
    const left = at.x * zoom + x;
    const top = at.y * zoom + y;
    const inside = left >= FOLLOW_MARGIN_PX && top >= FOLLOW_MARGIN_PX
      && left + w * zoom <= canvasWidth - FOLLOW_MARGIN_PX && top + h * zoom <= canvasHeight - FOLLOW_MARGIN_PX;
    if (!inside) void flow.setCenter(at.x + w / 2, at.y + h / 2, { zoom, duration });
  }, [flow, dom]);

  // Fitted here, on the canvas's own measured size: React Flow's queued fitView used a stale size
  // (the canvas before the panels settled) and left the view at zoom 1 with nodes cut off.
  const fitAll = useCallback(async (duration: number) => {
    const canvasWidth = dom?.clientWidth ?? 0;
    const canvasHeight = dom?.clientHeight ?? 0;
    const ids = flow.getNodes().map((n) => n.id);
    if (!canvasWidth || !canvasHeight || ids.length === 0) return;
    const viewport = getViewportForBounds(flow.getNodesBounds(ids), canvasWidth, canvasHeight, FIT.minZoom!, FIT.maxZoom!, FIT.padding!);
    await flow.setViewport(viewport, { duration });
  }, [flow, dom]);

  // The first fit waits for measured nodes and a sized canvas; a node asked for meanwhile is kept in view after it.
  useEffect(() => {
    if (!ready || fitted.current) return;
    fitted.current = true;
    void fitAll(0).then(() => {
      if (waiting.current) keepInViewNow(waiting.current, 0);
    });
  }, [ready, fitAll, keepInViewNow]);

  // A resized canvas (side panel dragged or collapsed, result banner, window resized): fit again
  // unless the person moved the view, and never lose the node followed.
  useEffect(() => {
    if (!fitted.current) return;
    if (moved.current) {
      if (waiting.current) keepInViewNow(waiting.current, 0);
      return;
    }
    void fitAll(0).then(() => {
      if (waiting.current) keepInViewNow(waiting.current, 0);
    });
  }, [width, height, extent, fitAll, keepInViewNow]);

  // React Flow passes the input event for a person's pan or zoom, null for the camera's own moves.
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event?.isTrusted) moved.current = true;
  }, []);
  const userMoved = useCallback(() => {
    moved.current = true;
  }, []);
  const fitAgain = useCallback(() => {
    moved.current = false;
    void fitAll(300);
  }, [fitAll]);

  const keepInView = useCallback((id: string) => {
    waiting.current = id;
    if (fitted.current) keepInViewNow(id, 300);
  }, [keepInViewNow]);

  return useMemo(() => ({ keepInView, fitAgain, onMoveStart, userMoved }), [keepInView, fitAgain, onMoveStart, userMoved]);
}

import ELK, { type ElkExtendedEdge, type ElkNode, type ElkPort } from 'elkjs/lib/elk.bundled.js';

export interface XY {
  x: number;
  y: number;
}
export type PortSide = 'top' | 'bottom' | 'left' | 'right';

/** Where a node's handle meets its edges, relative to the node's top-left corner (as the canvas anchors them). */
export interface LayoutPort extends XY {
  id: string;
  side: PortSide;
}
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** The node's handles as drawn; without them edges attach anywhere on the node. */
  ports?: readonly LayoutPort[];
  /** A message handler (signal, query, update): laid out in its own lane above the flow. */
  handler?: boolean;
}
export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
  /** Text drawn on the edge (timeout, else): placed where it covers neither a node nor a handle. */
  label?: string;
}
export interface LabelBox extends XY {
  width: number;
  height: number;
}
/** An edge's orthogonal path from its source port to its target port, and its label's box. */
export interface EdgeRoute {
  points: XY[];
  label?: LabelBox;
}
export interface LayoutResult {
  /** Top-left corners. */
  positions: Map<string, XY>;
  routes: Map<string, EdgeRoute>;
}

const elk = new ELK();

/**
 * ELK "layered", top to bottom (the shape state machines are drawn in), with the nodes' handles as
 * fixed ports so edges leave and enter where the node draws them, orthogonal edge routing (ELK
 * routes every edge between layers, around nodes, and returns the bend points the canvas follows),
 * and edge labels as ELK labels (placed beside the edge, clear of nodes and ports).
 */
const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '50',
  'elk.spacing.edgeNode': '25',
  'elk.spacing.edgeEdge': '15',
  'elk.spacing.edgeLabel': '6',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.layered.spacing.edgeNodeBetweenLayers': '25',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '15',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.edgeLabels.sideSelection': 'ALWAYS_DOWN',
};

/** Handlers per row of the messages lane: a lane no wider than a typical flow, so Fit stays readable. */
export const HANDLERS_PER_ROW = 4;

const ELK_SIDE: Record<PortSide, string> = { top: 'NORTH', bottom: 'SOUTH', left: 'WEST', right: 'EAST' };
/** A label's estimated box (the canvas draws edge labels in 12 px type with a little padding). */
const labelSize = (text: string) => ({ width: Math.ceil(text.length * 7 + 12), height: 20 });
const portId = (node: string, handle: string) => `${node}\u0000${handle}`;

/** Spacing of the grid of answering-only handlers (queries), as between ELK's nodes. */
const GRID_GAP = { x: 50, y: 30 };
/** Between the handler grid and the flow under it. */
const GRID_MARGIN = 70;
/** The lane of handlers that feed waits: its distance from the flow, and the spacing of their edges' vertical runs. */
const LANE_MARGIN = 40;
const CHANNEL_STEP = 10;
/** How far above a wait's row, and left of the wait, a handler's edge runs to reach the wait's side port. */
const APPROACH = 16;

/**
 * Positions for every node, and an orthogonal route for every edge between two of them.
 *
 * The flow (every step but the message handlers) is laid out by ELK. Message handlers get their
 * own lane, outside ELK: the ones that feed waits (signals, updates) form a column left of the
 * flow, each at the height of its first wait, with its edges running down a channel of their own
 * between the lane and the flow, then above the wait's row and into its side port (never back
 * through the flow); the ones that only answer (queries, no edges) form a grid of
 * `HANDLERS_PER_ROW` columns above everything. Laying the handlers out with ELK instead (a
 * partition above the flow) made every handler edge a chain of dummy nodes as long as the
 * design, and a 1,000-node layout several times slower.
 */
export async function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<LayoutResult> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const kept = edges.filter((e) => byId.has(e.source) && byId.has(e.target) && e.source !== e.target);
  const flow = nodes.filter((n) => !n.handler);
  const isFlow = (id: string) => !byId.get(id)!.handler;
  const flowEdges = kept.filter((e) => isFlow(e.source) && isFlow(e.target));
  const handlerEdges = kept.filter((e) => !isFlow(e.source) && isFlow(e.target));
  const feeding = nodes.filter((n) => n.handler && handlerEdges.some((e) => e.source === n.id));
  const answering = nodes.filter((n) => n.handler && !feeding.includes(n));
  const portOf = (node: LayoutNode | undefined, handle: string | null | undefined) =>
    node && handle && node.ports?.some((p) => p.id === handle) ? portId(node.id, handle) : node?.id;
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: OPTIONS,
    children: flow.map((n) => ({
      id: n.id,
      width: n.width,
      height: n.height,
      ...(n.ports?.length ? { layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } } : {}),
      ports: (n.ports ?? []).map(
        (p): ElkPort => ({ id: portId(n.id, p.id), x: p.x, y: p.y, width: 0, height: 0, layoutOptions: { 'elk.port.side': ELK_SIDE[p.side] } }),
      ),
    })),
    edges: flowEdges.map(
      (e): ElkExtendedEdge => ({
        id: e.id,
        sources: [portOf(byId.get(e.source), e.sourceHandle)!],
        targets: [portOf(byId.get(e.target), e.targetHandle)!],
        ...(e.label ? { labels: [{ id: `${e.id}:label`, text: e.label, ...labelSize(e.label) }] } : {}),
      }),
    ),
  };
  const laid = flow.length ? await elk.layout(graph) : { children: [], edges: [] };
  const positions = new Map<string, XY>();
  // The grid of answering handlers, top left; the rest moves down below it.
  const column = Math.max(0, ...answering.map((n) => n.width)) + GRID_GAP.x;
  let gridBottom = 0;
  for (let first = 0; first < answering.length; first += HANDLERS_PER_ROW) {
    const row = answering.slice(first, first + HANDLERS_PER_ROW);
    row.forEach((n, i) => positions.set(n.id, { x: i * column, y: gridBottom }));
    gridBottom += Math.max(...row.map((n) => n.height)) + GRID_GAP.y;
  }
  const dy = answering.length && nodes.length > answering.length ? gridBottom - GRID_GAP.y + GRID_MARGIN : 0;
  // The lane of feeding handlers sits left of the flow, so the flow moves right to make room.
  const laneWidth = feeding.length ? Math.max(...feeding.map((n) => n.width)) + LANE_MARGIN * 2 + feeding.length * CHANNEL_STEP : 0;
  const at = (p: { x?: number; y?: number }): XY => ({ x: Math.round((p.x ?? 0) + laneWidth), y: Math.round((p.y ?? 0) + dy) });
  for (const c of laid.children ?? []) positions.set(c.id, at(c));
  const edgeById = new Map(kept.map((e) => [e.id, e]));
  const anchorAt = (edge: LayoutEdge, end: 'source' | 'target'): XY | undefined => {
    const node = byId.get(edge[end]);
    const port = node?.ports?.find((p) => p.id === edge[end === 'source' ? 'sourceHandle' : 'targetHandle']);
    const position = node && positions.get(node.id);
    return port && position ? { x: Math.round(position.x + port.x), y: Math.round(position.y + port.y) } : undefined;
  };
  const routes = new Map<string, EdgeRoute>();
  for (const e of (laid.edges ?? []) as ElkExtendedEdge[]) {
    const section = e.sections?.[0];
    if (!section) continue;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(at);
    // ELK puts a port on its node's border; the canvas's handles stick out a few pixels: the
    // route ends exactly where the canvas anchors the edge (a move along the port's normal, so
    // the first and last segments stay straight).
    points[0] = anchorAt(edgeById.get(e.id)!, 'source') ?? points[0]!;
    points[points.length - 1] = anchorAt(edgeById.get(e.id)!, 'target') ?? points[points.length - 1]!;
    const l = e.labels?.[0];
    routes.set(e.id, l ? { points, label: { ...at(l), width: l.width ?? 0, height: l.height ?? 0 } } : { points });
  }
  placeHandlerLane(feeding, handlerEdges, byId, positions, routes, anchorAt);
  return { positions, routes };
}

/**
 * Places the handlers that feed waits in a column left of the flow, each as high as its first
 * wait (or just below the handler above it), and routes their edges: out to the handler's own
 * vertical channel, down (or up) to just above the wait's row, across to just left of the wait,
 * down into its side port. Rows are ELK's layers: nothing of the flow lies between two of them.
 */
function placeHandlerLane(
  feeding: readonly LayoutNode[],
  handlerEdges: readonly LayoutEdge[],
  byId: ReadonlyMap<string, LayoutNode>,
  positions: Map<string, XY>,
  routes: Map<string, EdgeRoute>,
  anchorAt: (edge: LayoutEdge, end: 'source' | 'target') => XY | undefined,
): void {
  if (feeding.length === 0) return;
  const boxes = [...positions].filter(([id]) => !byId.get(id)!.handler).map(([id, p]) => ({ ...p, height: byId.get(id)!.height }));
  const flowLeft = Math.min(...[...positions].filter(([id]) => !byId.get(id)!.handler).map(([, p]) => p.x));
  const rowTop = (y: number, height: number) => Math.min(...boxes.filter((b) => b.y < y + height && y < b.y + b.height).map((b) => b.y));
  const targetsOf = (h: LayoutNode) =>
    handlerEdges.filter((e) => e.source === h.id).sort((a, b) => positions.get(a.target)!.y - positions.get(b.target)!.y);
  const ordered = [...feeding].sort((a, b) => positions.get(targetsOf(a)[0]!.target)!.y - positions.get(targetsOf(b)[0]!.target)!.y);
  const laneRight = flowLeft - LANE_MARGIN - ordered.length * CHANNEL_STEP - LANE_MARGIN;
  let below = -Infinity;
  ordered.forEach((h, k) => {
    const first = positions.get(targetsOf(h)[0]!.target)!;
    const y = Math.max(first.y, below);
    positions.set(h.id, { x: laneRight - h.width, y });
    below = y + h.height + GRID_GAP.y;
    const channel = laneRight + LANE_MARGIN + k * CHANNEL_STEP;
    for (const e of targetsOf(h)) {
      const start = anchorAt(e, 'source') ?? { x: laneRight, y: y + h.height / 2 };
      const wait = positions.get(e.target)!;
      const target = byId.get(e.target)!;
      const end = anchorAt(e, 'target') ?? { x: wait.x, y: wait.y + target.height / 2 };
      const approachY = rowTop(wait.y, target.height) - APPROACH;
      const approachX = end.x - APPROACH;
      routes.set(e.id, {
        points: [start, { x: channel, y: start.y }, { x: channel, y: approachY }, { x: approachX, y: approachY }, { x: approachX, y: end.y }, end],
      });
    }
  });
}

/** Positions (top-left corners) for every node: `layoutGraph` without the routes. */
export async function autoLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<Map<string, XY>> {
  return (await layoutGraph(nodes, edges)).positions;
}

import ELK from 'elkjs/lib/elk.bundled.js';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}
export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

const elk = new ELK();

/** Top-to-bottom layered layout (ELK "layered"), the shape state machines are usually drawn in. */
const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.spacing.nodeNode': '50',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.separateConnectedComponents': 'true',
};

/** Positions (top-left corners, rounded to the 10 px grid) for every node. */
export async function autoLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<Map<string, { x: number; y: number }>> {
  const ids = new Set(nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: OPTIONS,
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const snap = (v: number) => Math.round(v / 10) * 10;
  return new Map((graph.children ?? []).map((c) => [c.id, { x: snap(c.x ?? 0), y: snap(c.y ?? 0) }]));
}

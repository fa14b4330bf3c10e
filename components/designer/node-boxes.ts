import type { InternalNode, Node } from '@xyflow/react';

/** Each rendered node's box in flow coordinates, as React Flow measured it (hidden nodes left out). */
export function* nodeBoxes(nodeLookup: ReadonlyMap<string, InternalNode<Node>>) {
  for (const n of nodeLookup.values()) {
    if (n.hidden) continue;
    const width = n.measured.width ?? n.width ?? 0;
    const height = n.measured.height ?? n.height ?? 0;
    yield { id: n.id, x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width, height };
  }
}

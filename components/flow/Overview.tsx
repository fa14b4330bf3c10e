'use client';
import { kindTitle } from '@/codegen/design';
import { ViewportPortal } from '@xyflow/react';
import { memo, useContext } from 'react';
import { NodeDecorationsContext } from './decorations';
import { NODE_WIDTH } from './estimate';
import { isHandlerType } from './handles';
import { STEP_UI } from '../steps';
import type { DesignerEdge, DesignerNode } from './types';

/** Height of a node never measured nor estimated (cannot happen in the designer; a safe default). */
const FALLBACK_HEIGHT = 77;

interface OverviewProps {
  nodes: readonly DesignerNode[];
  edges: readonly DesignerEdge[];
  /** A node's shape was clicked. */
  onPick: (id: string) => void;
}

const sizeOf = (n: DesignerNode) => ({
  width: n.measured?.width ?? n.initialWidth ?? NODE_WIDTH,
  height: n.measured?.height ?? n.initialHeight ?? FALLBACK_HEIGHT,
});

/**
 * A large design seen whole: every node a plain rectangle in its family's colour and every
 * edge a straight line, drawn in one SVG inside the viewport (so panning and zooming move it
 * without re-rendering). React Flow's nodes are hidden meanwhile: rendering 1,000 of them at a
 * zoom where no label is readable took seconds and made every change slow. A click on a shape
 * selects its node and zooms to it.
 */
function OverviewView({ nodes, edges, onPick }: OverviewProps) {
  const { diagnostics } = useContext(NodeDecorationsContext);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let flow = '';
  let messages = '';
  for (const e of edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) continue;
    const s = sizeOf(source);
    const t = sizeOf(target);
    if (isHandlerType(source.type)) {
      // A handler feeds a wait from the side.
      messages += `M${source.position.x + s.width} ${source.position.y + s.height / 2}L${target.position.x} ${target.position.y + t.height / 2}`;
    } else {
      flow += `M${source.position.x + s.width / 2} ${source.position.y + s.height}L${target.position.x + t.width / 2} ${target.position.y}`;
    }
  }
  return (
    <ViewportPortal>
      <svg className="canvas-overview" data-testid="canvas-overview" width={1} height={1}
        style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible', pointerEvents: 'none' }}>
        <path d={flow} fill="none" style={{ stroke: 'var(--edge)' }} strokeWidth={2} vectorEffect="non-scaling-stroke" />
        <path d={messages} fill="none" style={{ stroke: 'var(--edge-message)' }} strokeWidth={2} strokeDasharray="6 4"
          vectorEffect="non-scaling-stroke" />
        {nodes.map((n) => {
          const { width, height } = sizeOf(n);
          const error = diagnostics.get(n.id)?.some((d) => d.severity === 'error');
          return (
            <rect key={n.id} data-id={n.id} x={n.position.x} y={n.position.y} width={width} height={height} rx={8}
              strokeWidth={n.selected ? 4 : 2} vectorEffect="non-scaling-stroke"
              style={{ fill: 'var(--surface)', stroke: error ? 'var(--danger)' : `var(--fam-${STEP_UI[n.type].family})`, pointerEvents: 'all', cursor: 'pointer' }}
              onClick={() => onPick(n.id)}>
              <title>{n.data.label || kindTitle(n.type)}</title>
            </rect>
          );
        })}
      </svg>
    </ViewportPortal>
  );
}

export const Overview = memo(OverviewView);

'use client';
import { kindTitle, type NodeType } from '@/codegen/design';
import { useReactFlow } from '@xyflow/react';
import { useDesignerStoreApi } from './DesignerStoreProvider';
import { PALETTE_GROUPS, STEP_UI } from '../steps';
import { NodeIcon } from '../flow/NodeIcon';
import { ActivitiesSection } from './activities/ActivitiesSection';
import { OutlinePanel } from './outline/OutlinePanel';
import { startPaletteDrag } from './useDropNode';

/** Node kinds to drag onto the canvas. */
export function Palette() {
  const { screenToFlowPosition } = useReactFlow();
  const store = useDesignerStoreApi();
  // Keyboard alternative to dragging: Enter adds the node in the middle of the canvas.
  const addAtCentre = (kind: NodeType) => {
    const rect = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    if (!rect) return;
    const p = screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    store.getState().addNode(kind, { x: Math.round(p.x - 100), y: Math.round(p.y - 30) });
  };
  return (
    <aside className="palette" aria-label="Node palette">
      {PALETTE_GROUPS.map((group) => (
        <section key={group.title}>
          <h3 className="panel-title">{group.title}</h3>
          {group.kinds.map((kind) => (
            <div key={kind} className={`palette-item fam-${STEP_UI[kind].family}`} draggable
              data-testid={`palette-item-${kind}`} onDragStart={(e) => startPaletteDrag(e, kind)}
              role="button" tabIndex={0}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  addAtCentre(kind);
                }
              }}
              title={`Drag onto the canvas to add a ${kindTitle(kind)} node`}>
              <span className="palette-item__icon"><NodeIcon type={kind} /></span>
              <span>
                <span className="palette-item__title">{kindTitle(kind)}</span>
                <span className="palette-item__desc">{STEP_UI[kind].description}</span>
              </span>
            </div>
          ))}
        </section>
      ))}
      <p className="palette-hint">Drag a step onto the canvas (or focus it and press Enter), then drag from a handle to connect it. Press ? for shortcuts.</p>
      <OutlinePanel />
      <ActivitiesSection />
    </aside>
  );
}

'use client';
import { Panel } from '@xyflow/react';
import { FIT_ALL, useFitView } from '../flow/fit';
import { useDesignerStore, useDesignerStoreApi } from './DesignerStoreProvider';
import type { DesignerStore } from './store';
import { Icon } from '../ui/Icon';

const select = (s: DesignerStore) => ({ canUndo: s.history.past.length > 0, canRedo: s.history.future.length > 0 });

interface Props {
  onLayout: () => void;
  layoutBusy: boolean;
  onHelp: () => void;
}

/** Undo/redo, auto-layout, zoom to fit and the shortcuts help, floating over the canvas. */
export function CanvasToolbar({ onLayout, layoutBusy, onHelp }: Props) {
  const { canUndo, canRedo } = useDesignerStore(select);
  const store = useDesignerStoreApi();
  const fitView = useFitView();
  return (
    <Panel position="top-left" className="canvas-toolbar" data-testid="canvas-toolbar">
      <button type="button" className="btn btn--sm" data-testid="undo" disabled={!canUndo} title="Undo (Ctrl/⌘+Z)"
        onClick={() => store.getState().undo()}><Icon name="undo" size={14} /> Undo</button>
      <button type="button" className="btn btn--sm" data-testid="redo" disabled={!canRedo} title="Redo (Shift+Ctrl/⌘+Z)"
        onClick={() => store.getState().redo()}><Icon name="redo" size={14} /> Redo</button>
      <span className="canvas-toolbar__sep" />
      <button type="button" className="btn btn--sm" data-testid="auto-layout" disabled={layoutBusy} title="Auto-layout (Shift+L)"
        onClick={onLayout}>{layoutBusy ? 'Laying out…' : 'Auto-layout'}</button>
      <button type="button" className="btn btn--sm" data-testid="zoom-to-fit" title="Zoom to fit (Shift+1)"
        onClick={() => void fitView({ ...FIT_ALL, duration: 300 })}>Fit</button>
      <button type="button" className="btn btn--sm" data-testid="shortcuts-button" title="Keyboard shortcuts (?)" onClick={onHelp}>?</button>
    </Panel>
  );
}

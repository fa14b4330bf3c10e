'use client';
import { useCallback, useState } from 'react';
import { BottomPanel } from './BottomPanel';
import { Canvas } from './Canvas';
import { DesignerHeader } from './DesignerHeader';
import { Palette } from './Palette';
import { RightPanel } from './RightPanel';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useAutoLayout } from './useAutoLayout';
import { useCanvasShortcuts } from './useCanvasShortcuts';
import { useCompile } from './useCompile';

/** The designer's layout; expects the store and React Flow providers around it. */
export function Designer({ designId }: { designId: string }) {
  useCompile();
  const { layout, busy: layoutBusy } = useAutoLayout();
  const [help, setHelp] = useState(false);
  const onLayout = useCallback(() => void layout(), [layout]);
  const onHelp = useCallback(() => setHelp(true), []);
  useCanvasShortcuts({ onLayout, onHelp });
  return (
    <div className="designer">
      <DesignerHeader />
      <Palette />
      <main className="designer__canvas"><Canvas onLayout={onLayout} layoutBusy={layoutBusy} onHelp={onHelp} /></main>
      <RightPanel />
      <BottomPanel designId={designId} />
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </div>
  );
}

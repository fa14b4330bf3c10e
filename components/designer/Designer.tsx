'use client';
import { BottomPanel } from './BottomPanel';
import { Canvas } from './Canvas';
import { DesignerHeader } from './DesignerHeader';
import { Palette } from './Palette';
import { RightPanel } from './RightPanel';
import { useCompile } from './useCompile';

/** The designer's layout; expects the store and React Flow providers around it. */
export function Designer({ designId }: { designId: string }) {
  useCompile();
  return (
    <div className="designer">
      <DesignerHeader />
      <Palette />
      <main className="designer__canvas"><Canvas /></main>
      <RightPanel />
      <BottomPanel designId={designId} />
    </div>
  );
}

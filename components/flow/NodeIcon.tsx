import type { NodeType } from '@/codegen/design';
import { STEP_UI } from '../steps';

/** A small stroke icon for a node kind (its path is declared in components/steps/<kind>.tsx). */
export function NodeIcon({ type, size = 16 }: { type: NodeType; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={STEP_UI[type].icon} />
    </svg>
  );
}

import type { NodeType } from '../../codegen/schema/design';

const PATHS: Record<NodeType, string> = {
  start: 'M8 5.5v13l10-6.5z',
  wait: 'M7 3h10M7 21h10M8 3c0 5 8 6 8 9s-8 4-8 9M16 3c0 5-8 6-8 9s8 4 8 9',
  timer: 'M12 8v5l3 2M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM9 2h6',
  activity: 'M13 2 4 14h7l-1 8 9-12h-7z',
  decision: 'M12 2 22 12 12 22 2 12z',
  assign: 'M5 9h14M5 15h14',
  end: 'M6 6h12v12H6z',
  continueAsNew: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  childWorkflow: 'M4 4h8v6H4zM12 14h8v6h-8zM8 10v7h4',
  signalExternal: 'M3 12h11M10 8l4 4-4 4M17 5h4v14h-4',
  signal: 'M3 12h13M12 6l6 6-6 6M21 4v16',
  query: 'M9 9a3 3 0 1 1 4 2.8c-.7.3-1 .9-1 1.7V15M12 18.5v.5',
  update: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
};

/** A small stroke icon for a node kind. */
export function NodeIcon({ type, size = 16 }: { type: NodeType; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[type]} />
    </svg>
  );
}

'use client';
import { Inspector } from './inspector/Inspector';
import { WorkflowSettings } from './inspector/WorkflowSettings';
import { useSelectedNode } from './useSelectedNode';

/** The selected node's inspector, or the workflow's settings when nothing is selected. */
export function RightPanel() {
  const node = useSelectedNode();
  return (
    <aside className="right-panel" aria-label={node ? 'Inspector' : 'Workflow settings'}>
      <h3 className="panel-title">{node ? 'Inspector' : 'Workflow settings'}</h3>
      {node ? <Inspector key={node.id} node={node} /> : <WorkflowSettings />}
    </aside>
  );
}

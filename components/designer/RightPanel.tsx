'use client';
import { EdgeInspector } from './inspector/EdgeInspector';
import { Inspector } from './inspector/Inspector';
import { WorkflowSettings } from './inspector/WorkflowSettings';
import { useSelectedEdge } from './useSelectedEdge';
import { useSelectedNode } from './useSelectedNode';

/** The selected node's inspector, else the selected connection's, else the workflow's settings. */
export function RightPanel() {
  const node = useSelectedNode();
  const edge = useSelectedEdge();
  const title = node || edge ? 'Inspector' : 'Workflow settings';
  return (
    <aside className="right-panel" aria-label={title}>
      <h3 className="panel-title">{title}</h3>
      {node ? <Inspector key={node.id} node={node} /> : edge ? <EdgeInspector key={edge.id} edge={edge} /> : <WorkflowSettings />}
    </aside>
  );
}

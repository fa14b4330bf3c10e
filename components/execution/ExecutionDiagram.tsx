'use client';
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import type { Design } from '../../codegen/schema/design';
import type { DesignerState } from '../../codegen/runtime-contract';
import { designToFlow } from '../designer/convert';
import { NodeDecorationsContext } from '../flow/decorations';
import { nodeTypes } from '../flow/nodeTypes';

const FIT = { padding: 0.25, maxZoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };

/** The design, read-only, with the current step lit and the path taken marked. */
export function ExecutionDiagram({ design, state }: { design: Design; state?: DesignerState }) {
  const flow = useMemo(() => designToFlow(design), [design]);
  const path = state?.path;
  const edges = useMemo(() => {
    const taken = new Set<string>();
    for (let i = 0; i + 1 < (path?.length ?? 0); i++) taken.add(`${path![i]}→${path![i + 1]}`);
    return flow.edges.map((e) => (taken.has(`${e.source}→${e.target}`) ? { ...e, className: `${e.className} edge-taken`, animated: false } : e));
  }, [flow, path]);
  const decorations = useMemo(
    () => ({ diagnostics: new Map(), current: state?.currentStep, visited: new Set(path ?? []) }),
    [state?.currentStep, path],
  );
  return (
    <div className="exec-diagram" data-testid="execution-diagram">
      <ReactFlowProvider>
        <NodeDecorationsContext.Provider value={decorations}>
          <ReactFlow nodes={flow.nodes} edges={edges} nodeTypes={nodeTypes} nodesDraggable={false} nodesConnectable={false}
            elementsSelectable={false} deleteKeyCode={null} fitView fitViewOptions={FIT} proOptions={PRO_OPTIONS}>
            <Background gap={20} size={1} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </NodeDecorationsContext.Provider>
      </ReactFlowProvider>
    </div>
  );
}

'use client';
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import type { Design, DesignerState } from '@/codegen/design';
import { designToFlow } from '../designer/convert';
import { NodeDecorationsContext } from '../flow/decorations';
import { VisitContext, visitNodeTypes } from './visit-node-types';

const FIT = { padding: 0.25, maxZoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };

const NO_UPDATES: string[] = [];

/** The design, read-only, with the current step lit, the path taken marked, visit counts, the current wait's deadline and running updates. */
export function ExecutionDiagram({ design, state, timerDeadlines = [], runningUpdates = NO_UPDATES }: {
  design: Design;
  state?: DesignerState;
  timerDeadlines?: string[];
  /** Names of the updates accepted and not finished (one entry per running handler). */
  runningUpdates?: string[];
}) {
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
  const current = state?.currentStep;
  const currentType = design.nodes.find((n) => n.id === current)?.type;
  const earliest = [...timerDeadlines].sort()[0];
  const visits = useMemo(() => {
    const counts = new Map<string, number>();
    for (const id of path ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    // A pending timer belongs to the step the workflow waits in (a wait's timeout or a timer node).
    const deadlines = new Map<string, string>();
    if (current && earliest && (currentType === 'wait' || currentType === 'timer')) deadlines.set(current, earliest);
    const running = new Map<string, number>();
    for (const name of runningUpdates) {
      const node = design.nodes.find((n) => n.type === 'update' && n.name === name);
      if (node) running.set(node.id, (running.get(node.id) ?? 0) + 1);
    }
    return { counts, deadlines, running };
  }, [path, current, currentType, earliest, runningUpdates, design]);
  return (
    <div className="exec-diagram" data-testid="execution-diagram">
      <ReactFlowProvider>
        <NodeDecorationsContext.Provider value={decorations}>
          <VisitContext.Provider value={visits}>
          <ReactFlow nodes={flow.nodes} edges={edges} nodeTypes={visitNodeTypes} nodesDraggable={false} nodesConnectable={false}
            elementsSelectable={false} deleteKeyCode={null} fitView fitViewOptions={FIT} proOptions={PRO_OPTIONS}>
            <Background gap={20} size={1} />
            <Controls showInteractive={false} />
          </ReactFlow>
          </VisitContext.Provider>
        </NodeDecorationsContext.Provider>
      </ReactFlowProvider>
    </div>
  );
}

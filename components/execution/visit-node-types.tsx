'use client';
import type { NodeProps, NodeTypes } from '@xyflow/react';
import { createContext, useContext, type ComponentType } from 'react';
import { nodeTypes } from '../flow/node-types';
import { Icon } from '../ui/Icon';

export interface VisitInfo {
  /** How many times each node was entered (from the designer query's path). */
  counts: ReadonlyMap<string, number>;
  /** Deadlines of the waits pending at the current step, ISO times. */
  deadlines: ReadonlyMap<string, string>;
  /** Update nodes with handlers accepted and still running, and how many. */
  running: ReadonlyMap<string, number>;
  /** A closed execution: the step it ended on and how to say so ("ended here", "stopped here"). */
  endedAt?: { nodeId: string; text: string };
}

export const VisitContext = createContext<VisitInfo>({ counts: new Map(), deadlines: new Map(), running: new Map() });

function withVisits(Inner: ComponentType<NodeProps>): ComponentType<NodeProps> {
  function VisitedNode(props: NodeProps) {
    const { counts, deadlines, running, endedAt } = useContext(VisitContext);
    const count = counts.get(props.id);
    const deadline = deadlines.get(props.id);
    const inFlight = running.get(props.id);
    const ended = endedAt?.nodeId === props.id ? endedAt.text : undefined;
    return (
      <div style={{ position: 'relative' }} data-testid={`exec-node-${props.id}`} data-selected={props.selected ? 'true' : undefined}>
        <Inner {...props} />
        {count !== undefined && (
          <span className="badge badge--info" data-testid={`visits-${props.id}`} data-count={count} title={`Entered ${count} time${count === 1 ? '' : 's'}`}
            style={{ position: 'absolute', top: -10, right: -10, height: 18, padding: '0 6px' }}>
            ×{count}
          </span>
        )}
        {deadline && (
          <span className="badge badge--warning" data-testid={`deadline-${props.id}`} title="The wait gives up at this time"
            style={{ position: 'absolute', bottom: -12, left: 8, height: 18, padding: '0 6px', whiteSpace: 'nowrap' }}>
            ⏰ {new Date(deadline).toLocaleString()}
          </span>
        )}
        {inFlight !== undefined && (
          <span className="badge badge--info" data-testid={`running-${props.id}`} data-count={inFlight} title="Accepted updates whose handler has not finished"
            style={{ position: 'absolute', bottom: -12, left: 8, height: 18, padding: '0 6px', whiteSpace: 'nowrap' }}>
            <Icon name="refresh" size={11} /> {inFlight} running
          </span>
        )}
        {ended && (
          <span className="badge badge--success" data-testid={`ended-${props.id}`} title="The execution closed at this step"
            style={{ position: 'absolute', bottom: -12, right: 8, height: 18, padding: '0 6px', whiteSpace: 'nowrap' }}>
            <Icon name="flag" size={11} /> {ended}
          </span>
        )}
      </div>
    );
  }
  return VisitedNode;
}

/** The designer's node components, each with a visit count, its wait's deadline and its running updates on top. Module scope: stable for React Flow. */
export const visitNodeTypes: NodeTypes = Object.fromEntries(
  Object.entries(nodeTypes).map(([type, component]) => [type, withVisits(component as ComponentType<NodeProps>)]),
) as NodeTypes;

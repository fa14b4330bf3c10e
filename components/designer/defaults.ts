import { nanoid } from 'nanoid';
import type { Design, NodeType } from '../../codegen/schema/design';
import type { NodeData } from '../flow/types';

/** Ids for nodes, edges and branches: nanoid's alphabet satisfies the design's IdSchema. */
export const newId = (): string => nanoid(10);

/** The data a freshly dropped node starts with. */
export function defaultNodeData<T extends NodeType>(type: T): NodeData<T> {
  const data: { [K in NodeType]: NodeData<K> } = {
    start: { label: 'Start' },
    wait: { label: 'Wait', condition: '' },
    timer: { label: 'Timer', duration: { amount: 1, unit: 'minutes' } },
    activity: { label: 'Log', activity: 'log', args: { message: '' } },
    decision: { label: 'Decision', branches: [{ id: newId(), label: 'Branch 1', condition: '' }] },
    assign: { label: 'Assign', assignments: [] },
    end: { label: 'End', outcome: 'complete', result: '' },
    continueAsNew: { label: 'Continue as new', carry: [] },
    childWorkflow: { label: 'Child workflow', workflowType: '', workflowId: '', input: [], waitForResult: true, resultType: 'string' },
    signalExternal: { label: 'Signal workflow', workflowId: '', signal: '', args: [] },
    signal: { label: 'Signal', name: '', parameters: [], assignments: [] },
    query: { label: 'Query', name: '', parameters: [], returns: '' },
    update: { label: 'Update', name: '', parameters: [], validators: [], assignments: [], returns: '' },
  };
  return data[type];
}

/** A new design: just a Start node. */
export function emptyDesign(name = 'NewWorkflow'): Design {
  return {
    schemaVersion: 1,
    name,
    input: [],
    resultType: 'string',
    variables: [],
    nodes: [{ id: 'start', type: 'start', label: 'Start', position: { x: 0, y: 0 } }],
    edges: [],
  };
}

import { nanoid } from 'nanoid';
import type { Design, NodeType } from '@/codegen/design';
import type { NodeData } from '../flow/types';
import { stepUi } from '../steps';

/** Ids for nodes, edges and branches: nanoid's alphabet satisfies the design's IdSchema. */
export const newId = (): string => nanoid(10);

/** The data a freshly dropped node starts with: its kind's, from components/steps/<kind>.tsx. */
export function defaultNodeData<T extends NodeType>(type: T): NodeData<T> {
  return stepUi(type).newData();
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

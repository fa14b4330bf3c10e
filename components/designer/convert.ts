import { DESIGN_SCHEMA_VERSION, type Design, type DesignEdge, type DesignNode } from '@/codegen/design';
import { makeEdge } from '../flow/edges';
import { defaultSourceHandle, HANDLER_OUT, isHandlerType, NEXT } from '../flow/handles';
import type { DesignerEdge, DesignerNode, WorkflowSettings } from '../flow/types';

export interface FlowGraph {
  workflow: WorkflowSettings;
  nodes: DesignerNode[];
  edges: DesignerEdge[];
}

/** Design JSON → React Flow graph. Node data is the design node minus id/type/position. */
export function designToFlow(design: Design): FlowGraph {
  const { nodes, edges, ...workflow } = design;
  const types = new Map(nodes.map((n) => [n.id, n.type]));
  return {
    workflow,
    nodes: nodes.map((node) => {
      const { id, type, position, ...data } = node;
      return { id, type, position: { ...position }, data, deletable: type !== 'start' } as DesignerNode;
    }),
    edges: edges.map((edge) => {
      const sourceType = types.get(edge.source);
      return makeEdge({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        sourceHandle: edge.sourceHandle ?? (sourceType ? defaultSourceHandle(sourceType) : NEXT),
        fromHandler: isHandlerType(sourceType),
      });
    }),
  };
}

/**
 * Design nodes and edges already converted, by the flow object they came from. Flow nodes and
 * edges are immutable (every edit replaces the object), so a conversion stays valid while its
 * object lives: the designer converts the whole design on every keystroke (the live code view),
 * and only the edited node is converted again. Callers treat the returned design as read-only.
 */
const designNodes = new WeakMap<DesignerNode, DesignNode>();
const designEdges = new WeakMap<DesignerEdge, { sourceType: string | undefined; edge: DesignEdge }>();

/** React Flow graph → canonical design JSON (default handles omitted, positions rounded). */
export function flowToDesign({ workflow, nodes, edges }: FlowGraph): Design {
  const types = new Map(nodes.map((n) => [n.id, n.type]));
  const design: Design = {
    schemaVersion: DESIGN_SCHEMA_VERSION,
    name: workflow.name,
    ...(workflow.description !== undefined ? { description: workflow.description } : {}),
    ...(workflow.tags?.length ? { tags: workflow.tags } : {}),
    input: workflow.input,
    ...(workflow.inputArguments ? { inputArguments: workflow.inputArguments } : {}),
    resultType: workflow.resultType,
    variables: workflow.variables,
    ...(workflow.activities?.length ? { activities: workflow.activities } : {}),
    nodes: nodes.map(toDesignNode),
    edges: edges.map((e) => toDesignEdge(e, types.get(e.source))),
  };
  return design;
}

function toDesignNode(n: DesignerNode): DesignNode {
  let node = designNodes.get(n);
  if (!node) {
    node = {
      id: n.id,
      type: n.type,
      ...stripUndefined(n.data),
      position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
    } as DesignNode;
    designNodes.set(n, node);
  }
  return node;
}

function toDesignEdge(e: DesignerEdge, sourceType: string | undefined): DesignEdge {
  const known = designEdges.get(e);
  if (known && known.sourceType === sourceType) return known.edge;
  const handle = e.sourceHandle ?? undefined;
  const implicit = handle === undefined || handle === NEXT || (isHandlerType(sourceType) && handle === HANDLER_OUT);
  const edge = implicit
    ? { id: e.id, source: e.source, target: e.target }
    : { id: e.id, source: e.source, target: e.target, sourceHandle: handle };
  designEdges.set(e, { sourceType, edge });
  return edge;
}

function stripUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

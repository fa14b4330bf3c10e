import type { Edge, Node } from '@xyflow/react';
import type { Design, NodeOfType, NodeType } from '@/codegen/design';

/** A node's data on the canvas: exactly the design node's own fields, nothing computed. */
export type NodeData<T extends NodeType> = Omit<NodeOfType<T>, 'id' | 'type' | 'position'>;

export type DesignerNodeOf<T extends NodeType> = Node<NodeData<T>, T>;
export type StartFlowNode = DesignerNodeOf<'start'>;
export type WaitFlowNode = DesignerNodeOf<'wait'>;
export type TimerFlowNode = DesignerNodeOf<'timer'>;
export type ActivityFlowNode = DesignerNodeOf<'activity'>;
export type DecisionFlowNode = DesignerNodeOf<'decision'>;
export type AssignFlowNode = DesignerNodeOf<'assign'>;
export type EndFlowNode = DesignerNodeOf<'end'>;
export type ContinueAsNewFlowNode = DesignerNodeOf<'continueAsNew'>;
export type ChildWorkflowFlowNode = DesignerNodeOf<'childWorkflow'>;
export type SignalExternalFlowNode = DesignerNodeOf<'signalExternal'>;
export type SignalFlowNode = DesignerNodeOf<'signal'>;
export type QueryFlowNode = DesignerNodeOf<'query'>;
export type UpdateFlowNode = DesignerNodeOf<'update'>;

export type DesignerNode =
  | StartFlowNode
  | WaitFlowNode
  | TimerFlowNode
  | ActivityFlowNode
  | DecisionFlowNode
  | AssignFlowNode
  | EndFlowNode
  | ContinueAsNewFlowNode
  | ChildWorkflowFlowNode
  | SignalExternalFlowNode
  | SignalFlowNode
  | QueryFlowNode
  | UpdateFlowNode;

export type DesignerEdge = Edge;

/** Everything in a design that is not the graph. */
export type WorkflowSettings = Omit<Design, 'nodes' | 'edges'>;

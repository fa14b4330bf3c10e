import type { NodeTypes } from '@xyflow/react';
import { ActivityNode } from './nodes/ActivityNode';
import { AssignNode } from './nodes/AssignNode';
import { DecisionNode } from './nodes/DecisionNode';
import { ChildWorkflowNode } from './nodes/ChildWorkflowNode';
import { ContinueAsNewNode } from './nodes/ContinueAsNewNode';
import { EndNode } from './nodes/EndNode';
import { HandlerNode } from './nodes/HandlerNode';
import { SignalExternalNode } from './nodes/SignalExternalNode';
import { StartNode } from './nodes/StartNode';
import { TimerNode } from './nodes/TimerNode';
import { WaitNode } from './nodes/WaitNode';

/** Module scope, so React Flow never sees a new object and remounts every node. */
export const nodeTypes: NodeTypes = {
  start: StartNode,
  wait: WaitNode,
  timer: TimerNode,
  activity: ActivityNode,
  decision: DecisionNode,
  assign: AssignNode,
  end: EndNode,
  continueAsNew: ContinueAsNewNode,
  childWorkflow: ChildWorkflowNode,
  signalExternal: SignalExternalNode,
  signal: HandlerNode,
  query: HandlerNode,
  update: HandlerNode,
} as NodeTypes;

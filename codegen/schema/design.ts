import { z } from 'zod';
import { queryNode } from '../messages/query';
import { signalNode } from '../messages/signal';
import { updateNode } from '../messages/update';
import { activityNode } from '../steps/activity';
import { assignNode } from '../steps/assign';
import { childWorkflowNode } from '../steps/childWorkflow';
import { continueAsNewNode } from '../steps/continueAsNew';
import { decisionNode } from '../steps/decision';
import { endNode } from '../steps/end';
import { signalExternalNode } from '../steps/signalExternal';
import { startNode } from '../steps/start';
import { timerNode } from '../steps/timer';
import { waitNode } from '../steps/wait';
import { ArgumentsSchema, FieldSchema, IdSchema, typed } from './parts';
import { WorkflowResultTypeSchema } from './workflow-result';

/**
 * The design JSON: the one source of truth that the canvas edits, the database stores,
 * import/export moves and the code generator reads. Every field is data; behaviour is
 * referred to by name (activities) or written in the safe expression language.
 *
 * Each node kind's fields are declared beside the rest of its behaviour — flow steps in
 * codegen/steps/<kind>.ts, messages in codegen/messages/<kind>.ts — and united here into NodeSchema.
 * The building blocks they share are in ./parts.ts; this module re-exports them, so importers keep
 * one place to take the design's schemas and types from.
 */

export const DESIGN_SCHEMA_VERSION = 1;

export {
  ACTIVITY_RETRY_DEFAULTS,
  ArgumentsSchema,
  ActivityNameSchema,
  AssignmentSchema,
  DEFAULT_ACTIVITY_TIMEOUT,
  DurationSchema,
  FieldSchema,
  HandlerActivitySchema,
  IdSchema,
  ItemTypeSchema,
  PositionSchema,
  RecordFieldSchema,
  ResultTypeSchema,
  RetryPolicySchema,
  ScalarTypeSchema,
  TypedArgumentSchema,
  ValueTypeSchema,
} from './parts';
export type { Arguments, Assignment, Duration, Field, HandlerActivity, ItemType, RecordField, ResultType, RetryPolicy, ScalarType, TypedArgument, ValueType } from './parts';
export { DecisionBranchSchema, type DecisionBranch } from '../steps/decision';
export { ValidatorRuleSchema, type ValidatorRule } from '../messages/update';

/** Workflow state, initialised before any handler is registered. `initial` is an expression. */
export const VariableSchema = z.object({
  name: z.string(),
  ...typed,
  initial: z.string(),
  description: z.string().optional(),
});
export type Variable = z.infer<typeof VariableSchema>;

export const BUILTIN_ACTIVITIES = ['log', 'notify', 'http'] as const;
export const BuiltinActivitySchema = z.enum(BUILTIN_ACTIVITIES);
export type BuiltinActivity = z.infer<typeof BuiltinActivitySchema>;

/** The declared result of a custom activity: a value type as fields and variables have. */
export const ActivityResultSchema = z.object(typed);
export type ActivityResult = z.infer<typeof ActivityResultSchema>;

/**
 * An activity written in TypeScript by a designer. `source` is a module that exports
 * `async function <name>(input: { …parameters }): Promise<result>`; it becomes its own file
 * (activities/<name>.ts) verbatim, is type-checked against the declared signature, and runs in
 * the worker host. The generated workflow only calls it through proxyActivities.
 */
export const CustomActivitySchema = z.object({
  name: z.string(),
  description: z.string().max(2000).optional(),
  parameters: z.array(FieldSchema),
  result: ActivityResultSchema.optional(),
  source: z.string().max(100_000),
});
export type CustomActivity = z.infer<typeof CustomActivitySchema>;

/** Each node kind's schema, under the names importers know (declared in the kind's definition file). */
export const StartNodeSchema = startNode;
export const WaitNodeSchema = waitNode;
export const TimerNodeSchema = timerNode;
export const ActivityNodeSchema = activityNode;
export const DecisionNodeSchema = decisionNode;
export const AssignNodeSchema = assignNode;
export const EndNodeSchema = endNode;
export const ContinueAsNewNodeSchema = continueAsNewNode;
export const ChildWorkflowNodeSchema = childWorkflowNode;
export const SignalExternalNodeSchema = signalExternalNode;
export const SignalNodeSchema = signalNode;
export const QueryNodeSchema = queryNode;
export const UpdateNodeSchema = updateNode;

export const NodeSchema = z.discriminatedUnion('type', [
  StartNodeSchema,
  WaitNodeSchema,
  TimerNodeSchema,
  ActivityNodeSchema,
  DecisionNodeSchema,
  AssignNodeSchema,
  EndNodeSchema,
  ContinueAsNewNodeSchema,
  ChildWorkflowNodeSchema,
  SignalExternalNodeSchema,
  SignalNodeSchema,
  QueryNodeSchema,
  UpdateNodeSchema,
]);
export type DesignNode = z.infer<typeof NodeSchema>;
export type NodeType = DesignNode['type'];
export type NodeOfType<T extends NodeType> = Extract<DesignNode, { type: T }>;

export const FLOW_NODE_TYPES = ['start', 'wait', 'timer', 'activity', 'decision', 'assign', 'end', 'continueAsNew', 'childWorkflow', 'signalExternal'] as const;
export const HANDLER_NODE_TYPES = ['signal', 'query', 'update'] as const;
export type FlowNodeType = (typeof FLOW_NODE_TYPES)[number];
export type HandlerNodeType = (typeof HANDLER_NODE_TYPES)[number];
export type FlowNode = NodeOfType<FlowNodeType>;
export type HandlerNode = NodeOfType<HandlerNodeType>;

export function isHandlerNode(node: DesignNode): node is HandlerNode {
  return (HANDLER_NODE_TYPES as readonly string[]).includes(node.type);
}

/**
 * Edges between flow nodes carry control; `sourceHandle` picks the output:
 * "next" (default), "met" / "timeout" for a wait, a branch id or "else" for a decision.
 * An edge from a handler node to a wait only documents which message can satisfy it.
 */
export const EdgeSchema = z.object({
  id: IdSchema,
  source: IdSchema,
  target: IdSchema,
  sourceHandle: z.string().max(64).optional(),
});
export type DesignEdge = z.infer<typeof EdgeSchema>;

export const DesignSchema = z.object({
  schemaVersion: z.literal(DESIGN_SCHEMA_VERSION),
  /** The workflow type name, e.g. "ApprovalWorkflow". */
  name: z.string(),
  description: z.string().max(5000).optional(),
  /** Labels for finding the design on the home page (e.g. "finance"); the generated code ignores them. */
  tags: z.array(z.string().trim().min(1, 'a tag cannot be empty').max(40, 'a tag has at most 40 characters')).max(20, 'at most 20 tags').optional(),
  input: z.array(FieldSchema),
  /** How clients pass the input: one record (default) or one argument per field, in order (`run(request_id)`). */
  inputArguments: ArgumentsSchema.optional(),
  /** The type of the workflow's result (a money amount can be returned as a string; `record`: the End's record). */
  resultType: WorkflowResultTypeSchema,
  variables: z.array(VariableSchema),
  /** Custom activities written in TypeScript (absent: none). */
  activities: z.array(CustomActivitySchema).optional(),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
});
export type Design = z.infer<typeof DesignSchema>;

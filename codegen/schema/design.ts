import { z } from 'zod';

/**
 * The design JSON: the one source of truth that the canvas edits, the database stores,
 * import/export moves and the code generator reads. Every field is data; behaviour is
 * referred to by name (activities) or written in the safe expression language.
 */

export const DESIGN_SCHEMA_VERSION = 1;

/** Node and edge ids travel into generated code only as string literals, but stay tame anyway. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"');

export const ResultTypeSchema = z.enum(['string', 'number', 'boolean']);
export type ResultType = z.infer<typeof ResultTypeSchema>;

/** A single value. `money` is an exact decimal amount (a string of digits in code, never a float). */
export const ScalarTypeSchema = z.enum(['string', 'number', 'boolean', 'money']);
export type ScalarType = z.infer<typeof ScalarTypeSchema>;

/** The type of a field or variable: a scalar, or a list (whose items are described by `items`). */
export const ValueTypeSchema = z.enum(['string', 'number', 'boolean', 'money', 'list']);
export type ValueType = z.infer<typeof ValueTypeSchema>;

/** What a list holds: scalars, or small records whose fields are listed in `itemFields`. */
export const ItemTypeSchema = z.enum(['string', 'number', 'boolean', 'money', 'object']);
export type ItemType = z.infer<typeof ItemTypeSchema>;

/** A field of a record in a list, e.g. the `price` of an order item. */
export const RecordFieldSchema = z.object({
  name: z.string(),
  type: ScalarTypeSchema,
});
export type RecordField = z.infer<typeof RecordFieldSchema>;

const typed = {
  type: ValueTypeSchema,
  /** For `list`: the type of its items (default string). */
  items: ItemTypeSchema.optional(),
  /** For a list of `object`: the fields of each item. */
  itemFields: z.array(RecordFieldSchema).optional(),
};

/** A typed field: a workflow input, or a parameter of a signal, query or update. */
export const FieldSchema = z.object({
  name: z.string(),
  ...typed,
  label: z.string().optional(),
  required: z.boolean().optional(),
});
export type Field = z.infer<typeof FieldSchema>;

/** Workflow state, initialised before any handler is registered. `initial` is an expression. */
export const VariableSchema = z.object({
  name: z.string(),
  ...typed,
  initial: z.string(),
  description: z.string().optional(),
});
export type Variable = z.infer<typeof VariableSchema>;

/** `variable = value`, where value is an expression over state, input and the handler's args. */
export const AssignmentSchema = z.object({
  variable: z.string(),
  value: z.string(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** A Temporal duration such as "30 seconds" or "7 days". */
export const DurationSchema = z.object({
  amount: z.number().positive(),
  unit: z.enum(['seconds', 'minutes', 'hours', 'days']),
});
export type Duration = z.infer<typeof DurationSchema>;

export const PositionSchema = z.object({ x: z.number(), y: z.number() });

const nodeBase = {
  id: IdSchema,
  label: z.string().max(200),
  description: z.string().max(2000).optional(),
  position: PositionSchema,
};

export const StartNodeSchema = z.object({ ...nodeBase, type: z.literal('start') });

/** Waits until `condition` holds; with a timeout, the "timeout" edge is taken when it expires. */
export const WaitNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('wait'),
  condition: z.string(),
  timeout: DurationSchema.optional(),
});

export const TimerNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('timer'),
  duration: DurationSchema,
});

export const BUILTIN_ACTIVITIES = ['log', 'notify', 'http'] as const;
export const BuiltinActivitySchema = z.enum(BUILTIN_ACTIVITIES);
export type BuiltinActivity = z.infer<typeof BuiltinActivitySchema>;

/**
 * The activity a node calls: a built-in (BUILTIN_ACTIVITIES) or one of the design's custom
 * activities, by name. An unknown name is a validation diagnostic, not a schema error.
 */
export const ActivityNameSchema = z.string().max(64);

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

/** Runs an activity; `args` maps each of the activity's parameters to an expression. */
export const ActivityNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('activity'),
  activity: ActivityNameSchema,
  args: z.record(z.string(), z.string()),
  resultVariable: z.string().optional(),
  startToCloseTimeout: DurationSchema.optional(),
});

export const DecisionBranchSchema = z.object({
  id: IdSchema,
  label: z.string().max(200),
  condition: z.string(),
});
export type DecisionBranch = z.infer<typeof DecisionBranchSchema>;

/** The first branch whose condition holds is taken; otherwise the "else" edge. */
export const DecisionNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('decision'),
  branches: z.array(DecisionBranchSchema),
});

export const AssignNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('assign'),
  assignments: z.array(AssignmentSchema),
});

/** Completes the workflow with `result`, or fails it with `result` as the message. */
export const EndNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('end'),
  outcome: z.enum(['complete', 'fail']),
  result: z.string(),
});

/**
 * An activity a signal or update handler runs before its assignments. It makes the handler
 * async; where async handlers change state, the generated code serialises them with a mutex.
 */
export const HandlerActivitySchema = z.object({
  activity: ActivityNameSchema,
  args: z.record(z.string(), z.string()),
  resultVariable: z.string().optional(),
  startToCloseTimeout: DurationSchema.optional(),
});
export type HandlerActivity = z.infer<typeof HandlerActivitySchema>;

/**
 * Ends this run and continues the workflow as a new run with fresh history (6.4.6), after every
 * handler has finished. The `carry` variables keep their values; the others start again.
 */
export const ContinueAsNewNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('continueAsNew'),
  carry: z.array(z.string()),
});

/** A typed value handed to another workflow: `name` gets the expression `value`. */
export const TypedArgumentSchema = z.object({
  name: z.string(),
  type: ScalarTypeSchema,
  value: z.string(),
});
export type TypedArgument = z.infer<typeof TypedArgumentSchema>;

/**
 * Runs another workflow (any deployed workflow type, this one included) as a child. With
 * `waitForResult` the flow continues when the child completes, its result stored in
 * `resultVariable`; otherwise it continues once the child started, and the child outlives this
 * run (parent close policy ABANDON). `input` is the child's input object, field by field.
 */
export const ChildWorkflowNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('childWorkflow'),
  workflowType: z.string(),
  /** An expression for the child's workflow id, e.g. `workflowId() + "-worker-" + str(i)`. */
  workflowId: z.string(),
  /**
   * An expression for the task queue the child runs on; empty: this run's own queue (right for a
   * child of the same design; another design deployed by Signalbox polls its own queue).
   */
  taskQueue: z.string().optional(),
  input: z.array(TypedArgumentSchema),
  waitForResult: z.boolean(),
  resultType: ResultTypeSchema.optional(),
  resultVariable: z.string().optional(),
});

/** Sends a signal to another running workflow by its id (6.4.3), e.g. a parent or a sibling. */
export const SignalExternalNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('signalExternal'),
  /** An expression for the target's workflow id. */
  workflowId: z.string(),
  signal: z.string(),
  /** The signal's payload object, field by field (none: a signal without arguments). */
  args: z.array(TypedArgumentSchema),
});

export const SignalNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('signal'),
  name: z.string(),
  parameters: z.array(FieldSchema),
  /** Applied only when this holds (e.g. `!contains(paidIds, args.paymentId)` to drop duplicates). */
  when: z.string().optional(),
  activity: HandlerActivitySchema.optional(),
  assignments: z.array(AssignmentSchema),
});

/** Read-only by construction: a query has parameters and a return expression, and no effects. */
export const QueryNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('query'),
  name: z.string(),
  parameters: z.array(FieldSchema),
  returns: z.string(),
});

/** Rejected (and absent from history) when a rule's condition is false; the message reaches the caller. */
export const ValidatorRuleSchema = z.object({
  condition: z.string(),
  message: z.string().max(500),
});
export type ValidatorRule = z.infer<typeof ValidatorRuleSchema>;

export const UpdateNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('update'),
  name: z.string(),
  parameters: z.array(FieldSchema),
  validators: z.array(ValidatorRuleSchema),
  /**
   * Checked inside the accepted handler (after waiting for exclusive access): a failing rule
   * fails this update with an ApplicationFailure carrying its message, recorded in history.
   */
  checks: z.array(ValidatorRuleSchema).optional(),
  /**
   * The effects apply only when this holds; otherwise the update just returns (idempotent), e.g.
   * `!contains(handledIds, updateId())` to dedupe a retried update across continue-as-new.
   */
  when: z.string().optional(),
  /** The handler waits until this holds before it continues (update-with-wait, e.g. a milestone). */
  waitUntil: z.string().optional(),
  activity: HandlerActivitySchema.optional(),
  assignments: z.array(AssignmentSchema),
  returns: z.string().optional(),
});

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
  input: z.array(FieldSchema),
  /** The type of the workflow's result (a money amount can be returned as a string). */
  resultType: ResultTypeSchema,
  variables: z.array(VariableSchema),
  /** Custom activities written in TypeScript (absent: none). */
  activities: z.array(CustomActivitySchema).optional(),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
});
export type Design = z.infer<typeof DesignSchema>;

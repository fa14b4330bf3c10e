import { z } from 'zod';

/**
 * The building blocks node schemas are made of, shared by codegen/schema/design.ts and the kind
 * definitions (codegen/steps/<kind>.ts, codegen/messages/<kind>.ts) that declare each node's
 * fields. It imports nothing of theirs, so design.ts → <kind>.ts → parts.ts has no cycle.
 * Importers outside codegen/schema take these from codegen/schema/design.ts, which re-exports them.
 */

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

/** The shape of a typed value: a field, a variable, an activity's result. */
export const typed = {
  type: ValueTypeSchema,
  /** For `list`: the type of its items (default string). */
  items: ItemTypeSchema.optional(),
  /** For a list of `object`: the fields of each item. */
  itemFields: z.array(RecordFieldSchema).optional(),
};

/**
 * How a message's arguments (or the workflow's input) travel: `record` (the default) — one object
 * of named fields, `approve({ approver, comment })`; `positional` — each declared field is its own
 * argument, in order, as the chapter's Python clients send them: `approve("Alice", "ok")`, and
 * one field is a bare value (`set_language("de")`, `run("REQ-1")`).
 */
export const ArgumentsSchema = z.enum(['record', 'positional']);
export type Arguments = z.infer<typeof ArgumentsSchema>;

/** A typed field: a workflow input, or a parameter of a signal, query or update. */
export const FieldSchema = z.object({
  name: z.string(),
  ...typed,
  label: z.string().optional(),
  required: z.boolean().optional(),
});
export type Field = z.infer<typeof FieldSchema>;

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

/**
 * How Temporal retries a failing activity. Every field may be left out: generated code fills in
 * ACTIVITY_RETRY_DEFAULTS (codegen/ir/proxies.ts), so an activity never retries forever.
 */
export const RetryPolicySchema = z.object({
  maximumAttempts: z.number().int('must be a whole number').min(1, 'must be at least 1 (the first attempt)').max(1000, 'must be at most 1000').optional(),
  initialInterval: DurationSchema.optional(),
  backoffCoefficient: z.number().min(1, 'must be at least 1 (1: the same interval every time)').max(10, 'must be at most 10').optional(),
  maximumInterval: DurationSchema.optional(),
  /** ApplicationFailure types an activity throws that retrying cannot fix, e.g. "CardDeclined". */
  nonRetryableErrorTypes: z
    .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]{0,99}$/, 'must be an error type name such as "CardDeclined" (letters, digits, "_" and ".")'))
    .max(20, 'must list at most 20 error types')
    .optional(),
});
export type RetryPolicy = z.infer<typeof RetryPolicySchema>;

/**
 * Temporal retries a failing activity forever by default, which blocks a loop behind one broken
 * endpoint. Generated code always spells a finite policy: these values where a node leaves a field out.
 */
export const ACTIVITY_RETRY_DEFAULTS = {
  maximumAttempts: 5,
  initialInterval: { amount: 1, unit: 'seconds' },
  backoffCoefficient: 2,
  maximumInterval: { amount: 1, unit: 'minutes' },
} as const satisfies RetryPolicy;

/** One attempt may take this long unless the node says otherwise. */
export const DEFAULT_ACTIVITY_TIMEOUT: Duration = { amount: 1, unit: 'minutes' };

export const PositionSchema = z.object({ x: z.number(), y: z.number() });

/** The fields every node has, whatever its kind; a kind's schema spreads them and adds `type` and its own. */
export const nodeBase = {
  id: IdSchema,
  label: z.string().max(200),
  description: z.string().max(2000).optional(),
  position: PositionSchema,
};

/**
 * The activity a node calls: a built-in (BUILTIN_ACTIVITIES) or one of the design's custom
 * activities, by name. An unknown name is a validation diagnostic, not a schema error.
 */
export const ActivityNameSchema = z.string().max(64);

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

/** A typed value handed to another workflow: `name` gets the expression `value`. */
export const TypedArgumentSchema = z.object({
  name: z.string(),
  type: ScalarTypeSchema,
  value: z.string(),
});
export type TypedArgument = z.infer<typeof TypedArgumentSchema>;

import type { z } from 'zod';
import type { CompiledExpression } from '../validate/expressions';
import type { IrAssignment, IrHandler, IrHandlerActivity } from '../ir/types';
import type { Assignment, HandlerActivity, HandlerNode, HandlerNodeType, NodeOfType } from '../schema/design';
import type { ExpressionChecks, Report } from '../steps/types';

/**
 * What one message kind (signal, query, update) is, in one place: its fields, the rules it adds
 * to validation, how it lowers to the handler the workflow registers, and which template partials
 * render it. Each kind's definition lives in codegen/messages/<kind>.ts; codegen/messages/index.ts
 * keys them by kind. Rules every message shares (its name, its parameters, that it connects only
 * to a Wait) stay in codegen/validate (names.ts, graph.ts); the shared parts of lowering (names,
 * args interface, async and mutex) in codegen/ir/handlers.ts.
 */
export interface MessageDefinition<K extends HandlerNodeType = HandlerNodeType> {
  kind: K;
  /** How the kind is named everywhere: the palette, the canvas, the inspector and diagnostics. */
  title: string;
  /** The node's fields (`<kind>Node` in its file); codegen/schema/design.ts unites every kind's into NodeSchema. */
  schema: z.ZodType<NodeOfType<K>>;
  /** The variables a message of this kind changes: what can release a Wait or a waiting update. */
  writes?(node: NodeOfType<K>): string[];
  /** Kind-specific rules, one hook per validation stage (the stages run in a fixed order for stable diagnostics). */
  validate: {
    /** codegen/validate/expressions.ts: each expression compiled in the handler's scope (state, input, `args`). */
    expressions(node: NodeOfType<K>, check: ExpressionChecks): void;
    /** After every expression compiled: rules that look at other nodes (e.g. can a waiting update be released?). */
    afterExpressions?(node: NodeOfType<K>, check: MessageAfterExpressionChecks): void;
    /** codegen/validate/growth.ts: state a flood of messages could grow. */
    growth?(node: NodeOfType<K>, check: MessageGrowthChecks): void;
  };
  /** The handler the workflow registers for a node of this kind. */
  lower(node: NodeOfType<K>, lower: MessageLowerContext): Extract<IrHandler, { kind: K }>;
  /** The template partials (templates/partials/<name>.hbs) its definition and handler render with. */
  partials: readonly string[];
}

export interface MessageAfterExpressionChecks {
  error: Report;
  compiled(field: string): CompiledExpression | undefined;
  /** Variables the flow or any message changes. */
  changedAnywhere: ReadonlySet<string>;
}

export interface MessageGrowthChecks {
  /**
   * Warns about each assignment that appends to its variable on every message (list.unbounded)
   * unless one of the `guards` fields reads the list's length; `limit` names what would bound it.
   * Silent when the design continues as new.
   */
  appendsWithoutLimit(assignments: Assignment[], guards: string[], limit: string): void;
}

export interface MessageLowerContext {
  /** Whether this node's expression `field` was compiled (an optional one was filled in). */
  has(field: string): boolean;
  /** The emitted code of this node's expression `field`. */
  code(field: string): string;
  /** The condition `field`, negated the way a person would write it: a rule's rejection, a skip. */
  negate(field: string): string;
  /** Whether any of these expressions reads the handler's `args`. */
  readsArgs(fields: string[]): boolean;
  /** The TypeScript type of the value `returns` computes. */
  returnsTsType(): string;
  assignments(node: { id: string; assignments: { variable: string }[] }): IrAssignment[];
  /** The activity a handler runs (null: none), and the fields of its arguments' expressions. */
  activity(call: HandlerActivity | undefined): { ir: IrHandlerActivity | null; argFields: string[] };
  /** What every handler has: its names, args interface, description, whether it is async and runs under the mutex. */
  common(node: HandlerNode, how: HandlerShape): Omit<IrHandler, 'kind'>;
}

export interface HandlerShape {
  /** The fields whose expressions run in the handler body (does the body read `args`?). */
  bodyFields: string[];
  activity: IrHandlerActivity | null;
  /** Whether the handler waits for a condition (then it is async even without an activity). */
  waits?: boolean;
  /** Whether it changes state around its activity's await (then it runs under the mutex). */
  changesState: boolean;
}

import type { z } from 'zod';
import type { ActivitySpec } from '../activities';
import type { ExprType } from '../expressions';
import type { CompiledExpression } from '../validate/expressions';
import type { ArgumentShape } from '../validate/target-arguments';
import type { IrAssignment, IrFailurePath, IrStatement } from '../ir/types';
import type { Design, FlowNodeType, HandlerActivity, NodeOfType, TypedArgument, ValueType } from '../schema/design';
import type { ActivityCallOptions } from '../ir/proxies';

/**
 * What one flow step kind is, in one place: its fields, the handles it offers, the rules it adds to
 * validation, how it lowers to IR and which template partials render it. Each kind's definition
 * lives in codegen/steps/<kind>.ts; codegen/steps/index.ts keys them by kind for validation,
 * lowering and the canvas. The hooks below are called by the stages in codegen/validate and
 * codegen/ir/lower.ts, each with a context that gives exactly what that stage knows.
 */
export interface StepDefinition<K extends FlowNodeType = FlowNodeType> {
  kind: K;
  /** How the kind is named everywhere: the palette, the canvas, the inspector and diagnostics. */
  title: string;
  /** The node's fields (`<kind>Node` in its file); codegen/schema/design.ts unites every kind's into NodeSchema. */
  schema: z.ZodType<NodeOfType<K>>;
  /**
   * The outputs ("handles") a node of this kind offers, in display order; every one must be
   * connected. The canvas passes nodes still being drawn, hence Partial.
   */
  outputs(node: Partial<NodeOfType<K>>): string[];
  /** The output an edge without a sourceHandle leaves from (undefined: it must name one). */
  defaultOutput: string | undefined;
  /** How an output is named in a diagnostic (default: quoted). */
  describeOutput?(node: NodeOfType<K>, output: string): string;
  /**
   * Signal and update nodes may connect to it, documenting which message can satisfy it (the
   * canvas's messages port; any other handler edge is refused by the canvas and by validation).
   */
  takesMessages?: boolean;
  /** Ends the run: small and repeated where reached, so it never forces a state machine. */
  terminal?: boolean;
  /** Whether an execution can sit in this step, so it records itself in SignalboxStep (codegen/step-recording.ts). */
  recordsStep?(node: NodeOfType<K>): boolean;
  /** The @temporalio/workflow functions its generated code calls (beyond those every workflow imports). */
  workflowImports?(node: NodeOfType<K>): string[];
  /** Whether its generated code reads the workflow's `input` parameter other than through an expression. */
  readsInput?(node: NodeOfType<K>): boolean;
  /** Whether its generated code spells the Money type (a typed argument of type money). */
  spellsMoney?(node: NodeOfType<K>): boolean;
  /** The variables this step writes (a message-free way to release a waiting update). */
  writes?(node: NodeOfType<K>): string[];
  /** Kind-specific rules, one hook per validation stage (the stages run in a fixed order for stable diagnostics). */
  validate?: {
    /** codegen/validate/names.ts: names that reach generated code. */
    names?(node: NodeOfType<K>, check: NameChecks): void;
    /** codegen/validate/expressions.ts: each expression compiled in the step's scope. */
    expressions?(node: NodeOfType<K>, check: ExpressionChecks): void;
    /** After every expression compiled: rules that look at other nodes (e.g. can a wait ever end?). */
    afterExpressions?(node: NodeOfType<K>, check: AfterExpressionChecks): void;
    /** codegen/validate/growth.ts: state kept across runs. */
    growth?(node: NodeOfType<K>, check: GrowthChecks): void;
    /** codegen/validate/references.ts: other designs it names, against the deployed ones. */
    references?(node: NodeOfType<K>, check: ReferenceChecks): void;
  };
  /** The IR statements that run this step and, through `lower.next`, what follows it. */
  lower(node: NodeOfType<K>, lower: LowerContext): IrStatement[];
  /** The template partials (templates/partials/<name>.hbs) the statements it lowers to render with. */
  partials: readonly string[];
}

/** A diagnostic about the node being checked, at one of its fields. */
export type Report = (code: string, message: string, field: string) => void;

export interface NameChecks {
  error: Report;
  /** The name of another workflow's type or signal: it lands in a string literal but must be a plain name. */
  targetName(field: string, what: string, name: string): void;
  /** A list of typed fields whose names become property names (`path.<i>.name`). */
  fieldList(fields: TypedArgument[], path: string): void;
}

export interface ExpressionChecks {
  design: Design;
  error: Report;
  /** Compiles `text` as this node's `field`, expecting a value of `expected` (any type when absent). */
  compile(field: string, label: string, text: string, expected?: ExprType | ValueType): void;
  /** Compiles a message written as text with `{expression}` parts ("Item {args.sku} already in cart") as this node's `field`. */
  compileText(field: string, label: string, text: string): void;
  /** `variable = value` at `path` (`path.variable`, `path.value`). */
  assignTo(path: string, variable: string, value: string): void;
  /** An activity call, built-in or custom: its arguments and result variable (fields under `prefix`). */
  activityCall(prefix: string, call: HandlerActivity): void;
  variableType(name: string): ExprType | undefined;
}

export interface AfterExpressionChecks {
  error: Report;
  warning: Report;
  compiled(field: string): CompiledExpression | undefined;
  /** Variables some signal or update changes. */
  changedByMessages: ReadonlySet<string>;
}

export interface GrowthChecks {
  error: Report;
  variables: ReadonlySet<string>;
}

export interface ReferenceChecks {
  /**
   * The node's `field` names another design (its name is its workflow type). Once the caller says
   * which designs are deployed (compileDesign's `designs`, at deploy), naming one that is not is an
   * error; this design naming itself is always fine.
   */
  design(field: string, name: string): void;
}

export interface LowerContext {
  design: Design;
  /** The emitted code of this node's expression `field`. */
  code(field: string): string;
  assignments(node: { id: string; assignments: { variable: string }[] }): IrAssignment[];
  /** The function an activity call goes through (its proxy depends on the timeout). */
  callee(call: ActivityCallOptions): string;
  specOf(activity: string): ActivitySpec;
  /** What runs after this step leaves from `output`: the next steps, or a jump in the state machine. */
  next(output: string): IrStatement[];
  /**
   * The stable task queue of another design this one names (compileDesign's `designs`); undefined
   * for this design itself, and when compiled without them (the designer's live code view).
   */
  taskQueueOf(design: string): string | undefined;
  /**
   * How the design a child or signal-external calls takes what it is sent (this design's from the
   * design itself, another's as the deploy resolved it); undefined when unknown: one record.
   */
  targetArguments(caller: NodeOfType<'childWorkflow'> | NodeOfType<'signalExternal'>): ArgumentShape | undefined;
  /** What runs when the call fails for good, left through the failure output (codegen/steps/failure.ts). */
  failurePath(failureClass: IrFailurePath['failureClass']): IrFailurePath;
  /** The step's comment and tracking line (`stepTracker.enter`, or `enterWaiting` where an execution can sit: see recordsStep). */
  enter: IrStatement;
}

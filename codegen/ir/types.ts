/**
 * The intermediate representation: the design resolved and normalised for the templates.
 * Every string here that lands in code is either a checked identifier, code emitted from an
 * expression AST, or a literal produced by JSON.stringify. Templates never see raw design text
 * except through the `comment` helper, which keeps it inside line comments.
 */

export interface TsField {
  name: string;
  tsType: string;
  optional?: boolean;
  label?: string;
}

export interface TsInterface {
  name: string;
  fields: TsField[];
}

export interface IrVariable {
  name: string;
  tsType: string;
  /** The declared type, when TypeScript cannot infer it from the initial value (lists). */
  annotation: string | null;
  initialCode: string;
  description: string | undefined;
}

export interface IrAssignment {
  variable: string;
  code: string;
}

/** The activity a handler runs: `[resultVariable = ]await callee(args)`. */
export interface IrHandlerActivity {
  callee: string;
  argsCode: string;
  resultVariable: string | null;
}

interface IrHandlerBase {
  /** The message name on the wire, e.g. "approve". */
  messageName: string;
  /** The module-scope definition, e.g. "approveSignal". */
  constName: string;
  /** The arguments as clients send them (wire names as keys): what defineSignal/defineUpdate declare. */
  args: TsInterface | null;
  /** The arguments under their identifiers, when some wire name differs (payload-checks.ts maps them); else null. */
  fields: TsInterface | null;
  /** Whether its payload check maps wire names: the handler takes `wireArgs` and reads `args` from it. */
  readsWire: boolean;
  /** Whether clients send one argument per parameter (the handler takes `...wireArgs`) instead of one record. */
  positional: boolean;
  /** The parameters under their identifiers, in order (a positional message's arguments, for the exported client's examples). */
  parameterFields: TsField[];
  /** What defineSignal/defineUpdate/defineQuery declare the arguments as: `[ApproveArgs]`, `[approver: string, comment?: string]`; null: none. */
  argsTuple: string | null;
  /** Whether the handler body reads its arguments (so the parameter is declared only when used). */
  usesArgs: boolean;
  description: string | undefined;
  /** Whether the handler awaits (an activity, or a wait): then it is an async function. */
  isAsync: boolean;
  /** Whether it runs under the workflow's mutex (async and changing state shared with handlers). */
  exclusive: boolean;
  activity: IrHandlerActivity | null;
  /** The payload-checks.ts constant that checks its arguments (null: the message takes none). */
  payload: IrPayloadUse | null;
}

/** How a handler uses its payload check. */
export interface IrPayloadUse {
  constName: string;
  /** Whether the handler must fill in optional fields itself (an update whose body reads them: validators do not run on replay). */
  fillsIn: boolean;
  /** Whether some field's wire name differs from its identifier: the handler reads `args` mapped from `wireArgs`. */
  reads: boolean;
}

/** One payload's check in payload-checks.ts: `export const <constName> = new Payload(kind, name, { field: rule, … })`. */
export interface IrPayload {
  constName: string;
  kindLiteral: string;
  nameLiteral: string;
  /** The interface read() returns (fields under their identifiers), when some wire name differs. */
  fieldsType: string | null;
  /** Each field under its wire name, with its rule as code, e.g. `{ type: 'money', required: true }`. */
  fields: { name: string; ruleCode: string }[];
  /** Whether the payload is the list of arguments, one per field (else one record). */
  positional: boolean;
}

export interface IrSignal extends IrHandlerBase {
  kind: 'signal';
  /** When this holds, the signal is ignored (the negated "apply only when" condition). */
  skipWhenCode: string | null;
  assignments: IrAssignment[];
}

export interface IrQuery extends IrHandlerBase {
  kind: 'query';
  resultTsType: string;
  returnsCode: string;
  /** `{ orderId: wireArgs.order_id }`: the arguments under their identifiers, when some wire name differs and the answer reads them. */
  readArgsCode: string | null;
}

export interface IrValidatorRule {
  /** The negated condition: when it holds, the update is rejected. */
  rejectWhenCode: string;
  /** The message: a string literal, or the code of a message with `{…}` parts (a string expression). */
  messageCode: string;
}

export interface IrUpdate extends IrHandlerBase {
  kind: 'update';
  resultTsType: string;
  validators: IrValidatorRule[];
  validatorUsesArgs: boolean;
  /** Rules checked inside the handler; a failing one throws an ApplicationFailure to the caller. */
  checks: IrValidatorRule[];
  /** When this holds, the effects are skipped and the update only returns. */
  skipWhenCode: string | null;
  waitUntilCode: string | null;
  assignments: IrAssignment[];
  returnsCode: string | null;
}

export type IrHandler = IrSignal | IrQuery | IrUpdate;

/** One activity proxy: the activities called with the same options. */
export interface IrActivityProxy {
  /** When set, calls go through `<objectName>.<fn>`; otherwise the functions are destructured. */
  objectName: string | null;
  functions: string[];
  /** The proxy's options object: timeouts and retry policy, e.g. `{ startToCloseTimeout: '1 minute', retry: { … } }`. */
  optionsCode: string;
}

/**
 * A custom activity in activities.ts: `import { name as implementationName } from modulePath`,
 * re-exported as `export const name: signature = implementationName`. The user's code lives only
 * in its own file (filePath); nothing of it is in the IR.
 */
export interface IrCustomActivity {
  name: string;
  implementationName: string;
  /** e.g. "./activities/computeDiscount" (a validated identifier in a fixed path). */
  modulePath: string;
  /** e.g. "activities/computeDiscount.ts". */
  filePath: string;
  description: string | undefined;
  /** The object parameter's type, when the activity has parameters. */
  input: TsInterface | null;
  /** e.g. "(input: ComputeDiscountInput) => Promise<number>". */
  signature: string;
  usesMoney: boolean;
}

/**
 * A call's failure output: `try { call } catch (err) { if (!(err instanceof <failureClass>) || isCancellation(err)) throw err; … }`,
 * the failure kept for the path's expressions, then the path itself.
 */
export interface IrFailurePath {
  failureClass: 'ActivityFailure' | 'ChildWorkflowFailure';
  /** What `failureOf(err)` is kept in: `const failure` (nested code), `failure` (the state machine's variable), or null: nothing on the path reads it. */
  bindingCode: 'const failure' | 'failure' | null;
  body: IrStatement[];
}

export type IrStatement =
  /**
   * Entering a step, after its comment: `stepTracker.enter(id, label)`, or `enterWaiting` for a
   * step the execution can sit in (it also records the step in SignalboxStep). The label becomes
   * the execution's current details in Temporal's UI; without one the id does.
   */
  | { kind: 'enterStep'; nodeIdLiteral: string; labelLiteral: string | undefined; comment: string | undefined; waiting: boolean }
  | { kind: 'wait'; conditionCode: string; timeoutLiteral: string | null; onMet: IrStatement[]; onTimeout: IrStatement[] }
  | { kind: 'sleep'; durationLiteral: string }
  | { kind: 'activity'; callee: string; argsCode: string; resultVariable: string | null; onFailure: IrFailurePath | null }
  | { kind: 'decision'; branches: { conditionCode: string; label: string | undefined; body: IrStatement[] }[]; elseBody: IrStatement[] }
  | { kind: 'assign'; assignments: IrAssignment[] }
  | { kind: 'complete'; resultCode: string }
  /** The flow as a state machine: `for (;;) switch (step)`, used when steps are shared (joins, loops). */
  | { kind: 'stateMachine'; initialLiteral: string; cases: { stepLiteral: string; body: IrStatement[] }[] }
  /** Moves the state machine to another step. */
  | { kind: 'goto'; stepLiteral: string }
  | { kind: 'fail'; messageCode: string }
  /** After all handlers finished: `return continueAsNew<typeof workflowName>(argsCode)`. */
  | { kind: 'continueAsNew'; workflowName: string; argsCode: string }
  /** `[resultVariable = ]await startChild|executeChild<signature>(type, options)`. */
  | { kind: 'childWorkflow'; call: 'startChild' | 'executeChild'; signature: string; workflowTypeLiteral: string; optionsCode: string; resultVariable: string | null; onFailure: IrFailurePath | null }
  /** `await getExternalWorkflowHandle(id).signal<[argsType]>(name, args)`. */
  | { kind: 'signalExternal'; workflowIdCode: string; signalLiteral: string; argsType: string | null; argsCode: string | null };

export interface WorkflowIr {
  /** The design's name, for the generated-file header. */
  designName: string;
  workflowName: string;
  startStepLiteral: string;
  description: string | undefined;
  /** The start input as clients send it (wire names as keys). */
  input: TsInterface | null;
  /** The input under its identifiers, when some wire name differs: the workflow reads `input` mapped from `wireInput`. */
  inputFields: TsInterface | null;
  /** Whether an expression reads `input` (only then the mapped input is declared: no unused local). */
  inputRead: boolean;
  /** The state a Continue-as-new hands to the next run, when the design continues as new. */
  carried: TsInterface | null;
  /** The workflow function's parameters, e.g. ["input: OrderInput", "carried?: OrderCarried"]; positional: ["requestId: string", …]. */
  parameters: string[];
  /** A positional input: the arguments gathered for the payload check, `[requestId, maxAmount]` (else null). */
  positionalInputCode: string | null;
  resultTsType: string;
  variables: IrVariable[];
  handlers: IrHandler[];
  activityProxies: IrActivityProxy[];
  /** The design's custom activities, declared (and held to their signatures) in activities.ts. */
  customActivities: IrCustomActivity[];
  /** Whether activities.ts spells the Money type (a custom activity's parameter or result). */
  activitiesUseMoney: boolean;
  body: IrStatement[];
  /** Whether the state machine keeps the last handled failure in `let failure` (some step on a failure path reads it). */
  failureVariable: boolean;
  /** Whether workflows.ts declares failureOf (a failure path reads `failure`). */
  usesFailureOf: boolean;
  /** Which SDK functions the workflow module imports, sorted. */
  workflowImports: string[];
  /** Which message-definition functions shared.ts imports, sorted; empty when the workflow handles no messages. */
  sharedSdkImports: string[];
  /** Which definitions workflows.ts imports from shared.ts, sorted; types marked `type`; empty when none. */
  sharedImports: string[];
  /** Whether they are all types (no handlers): then `import type { … }`, names unmarked. */
  sharedImportsTypesOnly: boolean;
  /** Whether activities.ts implements the built-in http activity (only when called). */
  usesHttp: boolean;
  /** Whether the workflow declares a mutex for its exclusive handlers. */
  usesMutex: boolean;
  /** Whether money.ts (exact decimal helpers) is generated. */
  usesMoney: boolean;
  /** What workflows.ts imports from money.ts, sorted; empty when nothing. */
  moneyImports: string[];
  /** Whether shared.ts declares fields of type Money. */
  sharedUsesMoney: boolean;
  /** The checks of payload-checks.ts (the start input's first); empty: no payload to check, no file. */
  payloads: IrPayload[];
  /** The constant checking the start input, when the workflow takes one. */
  inputPayload: string | null;
  /** What workflows.ts imports from payload-checks.ts, sorted. */
  payloadImports: string[];
  /** The types payload-checks.ts imports from shared.ts (what read() returns), sorted. */
  payloadTypeImports: string[];
}

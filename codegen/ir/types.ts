/**
 * The intermediate representation: the design resolved and normalised for the templates.
 * Every string here that lands in code is either a checked identifier, code emitted from an
 * expression AST, or a literal produced by JSON.stringify. Templates never see raw design text
 * except through the `comment` helper, which keeps it inside line comments.
 */

export interface TsField {
  name: string;
  tsType: string;
  label?: string;
}

export interface TsInterface {
  name: string;
  fields: TsField[];
}

export interface IrVariable {
  name: string;
  tsType: string;
  initialCode: string;
}

export interface IrAssignment {
  variable: string;
  code: string;
}

interface IrHandlerBase {
  /** The message name on the wire, e.g. "approve". */
  messageName: string;
  /** The module-scope definition, e.g. "approveSignal". */
  constName: string;
  args: TsInterface | null;
  /** Whether the handler body reads its arguments (so the parameter is declared only when used). */
  usesArgs: boolean;
  description: string | undefined;
}

export interface IrSignal extends IrHandlerBase {
  kind: 'signal';
  assignments: IrAssignment[];
}

export interface IrQuery extends IrHandlerBase {
  kind: 'query';
  resultTsType: string;
  returnsCode: string;
}

export interface IrValidatorRule {
  /** The negated condition: when it holds, the update is rejected. */
  rejectWhenCode: string;
  /** The message as a string literal. */
  messageLiteral: string;
}

export interface IrUpdate extends IrHandlerBase {
  kind: 'update';
  resultTsType: string;
  validators: IrValidatorRule[];
  validatorUsesArgs: boolean;
  assignments: IrAssignment[];
  returnsCode: string | null;
}

export type IrHandler = IrSignal | IrQuery | IrUpdate;

/** One activity proxy: the activities called with the same options. */
export interface IrActivityProxy {
  /** When set, calls go through `<objectName>.<fn>`; otherwise the functions are destructured. */
  objectName: string | null;
  functions: string[];
  startToCloseTimeoutLiteral: string;
}

export type IrStatement =
  | { kind: 'enterStep'; nodeIdLiteral: string; comment: string | undefined }
  | { kind: 'comment'; text: string | undefined }
  | { kind: 'wait'; conditionCode: string; timeoutLiteral: string | null; onMet: IrStatement[]; onTimeout: IrStatement[] }
  | { kind: 'sleep'; durationLiteral: string }
  | { kind: 'activity'; callee: string; argsCode: string }
  | { kind: 'decision'; branches: { conditionCode: string; label: string | undefined; body: IrStatement[] }[]; elseBody: IrStatement[] }
  | { kind: 'assign'; assignments: IrAssignment[] }
  | { kind: 'complete'; resultCode: string }
  /** The flow as a state machine: `for (;;) switch (step)`, used when steps are shared (joins, loops). */
  | { kind: 'stateMachine'; initialLiteral: string; cases: { stepLiteral: string; body: IrStatement[] }[] }
  /** Moves the state machine to another step. */
  | { kind: 'goto'; stepLiteral: string }
  | { kind: 'fail'; messageCode: string };

export interface WorkflowIr {
  /** The design's name, for the generated-file header. */
  designName: string;
  workflowName: string;
  startStepLiteral: string;
  description: string | undefined;
  input: TsInterface | null;
  resultTsType: string;
  variables: IrVariable[];
  handlers: IrHandler[];
  activityProxies: IrActivityProxy[];
  body: IrStatement[];
  /** Which SDK functions the workflow module imports, sorted. */
  workflowImports: string[];
  /** Which message-definition functions shared.ts imports, sorted. */
  sharedSdkImports: string[];
  /** Which definitions workflows.ts imports from shared.ts, sorted; types marked `type`. */
  sharedImports: string[];
}

/**
 * What the export templates render: the workflow's IR resolved into the names of the client
 * helpers, the worker's task queue and example values for the generated test. Like the IR,
 * every string that lands in code is a checked identifier, a name derived from one, or a
 * JSON literal.
 */
import type { IrHandler, TsInterface, WorkflowIr } from '../ir/types';
import { explorationCatalog } from './catalog';
import { branchPaths, rejectionPaths, type BranchPath, type RejectionPath } from './paths';

export interface ClientMessage {
  /** The wire name, e.g. "approve". */
  messageName: string;
  /** The definition exported by shared.ts, e.g. "approveSignal". */
  constName: string;
  /** The message name as it appears inside helper names: approve → "Approve". */
  helperSuffix: string;
  /** The payload interface, or null when the message takes no arguments; positional: the labeled tuple of its arguments. */
  argsType: string | null;
  /** Whether the message takes one argument per parameter: helpers take the tuple and send it spread. */
  positional: boolean;
  /** An object literal of example arguments (positional: an array literal), for the generated test (null without arguments). */
  exampleArgsCode: string | null;
  /** The result type (queries and updates); "void" for signals. */
  resultTsType: string;
  /** `typeof` of the result as a string literal when it is a primitive, for the generated test. */
  typeofLiteral: string | null;
  description: string | undefined;
}

export interface ExportModel {
  designName: string;
  workflowName: string;
  /** The workflow name inside helper names, PascalCase without underscores: ux_DrawOrder → "UxDrawOrder" (startUxDrawOrder). */
  helperStem: string;
  description: string | undefined;
  /** The npm package name: ApprovalWorkflow → "approval-workflow". */
  packageName: string;
  /** The default task queue, as a string literal. */
  taskQueueLiteral: string;
  /** The design's stable task queue in Signalbox, when exported from there (the README names it for callers). */
  signalboxTaskQueue?: string;
  /** The step the workflow starts in, as a string literal. */
  startStepLiteral: string;
  /** The start input's type; positional: the labeled tuple of its arguments (`[requestId: string]`). */
  inputType: string | null;
  /** Whether the workflow is started with one argument per input field: `options.input` is that list. */
  inputPositional: boolean;
  exampleInputCode: string | null;
  resultTsType: string;
  signals: ClientMessage[];
  queries: ClientMessage[];
  updates: ClientMessage[];
  /** Names client.ts imports from shared.ts, sorted; types marked `type`. */
  clientSharedImports: string[];
  /** Whether a helper's result type spells out `Money` (imported from the generated money.ts). */
  clientUsesMoney: boolean;
  /** The custom activities' files (written in Signalbox), for the README's file table. */
  customActivityFiles: { name: string; filePath: string }[];
  /** Whether src/payload-checks.ts is generated (the workflow receives a payload). */
  checksPayloads: boolean;
  /** The generated test's paths: each wait's timeout and each decision branch, each validator rule. */
  branchPaths: BranchPath[];
  rejectionPaths: RejectionPath[];
  /** Whether the test has any path to explore (else it has no explorer). */
  hasPaths: boolean;
  /** What the test's path explorer may send (catalog.ts), as a JSON literal. */
  catalogJson: string;
  /** The input type the test imports, when an expected result reads the input. */
  testInputType: string | null;
  /** The README's table of messages and their helpers. */
  messages: { messageName: string; kind: IrHandler['kind']; helpers: string[] }[];
}

const PRIMITIVE_TYPES = new Set(['string', 'number', 'boolean']);

export function exportModel(ir: WorkflowIr): ExportModel {
  const messages = (kind: IrHandler['kind']): ClientMessage[] => withDistinctSuffixes(ir.handlers.filter((handler) => handler.kind === kind).map(clientMessage));
  const signals = messages('signal');
  const queries = messages('query');
  const updates = messages('update');
  const packageName = kebabCase(ir.workflowName);
  const paths = branchPaths(ir);
  const rejections = rejectionPaths(ir);
  return {
    branchPaths: paths,
    rejectionPaths: rejections,
    hasPaths: paths.length + rejections.length > 0,
    catalogJson: JSON.stringify(explorationCatalog(ir)),
    testInputType: ir.input && paths.some((p) => p.expectedResultCode?.startsWith('(input:')) ? ir.input.name : null,
    designName: ir.designName,
    workflowName: ir.workflowName,
    helperStem: helperStem(ir.workflowName),
    description: ir.description,
    packageName,
    taskQueueLiteral: JSON.stringify(packageName),
    startStepLiteral: ir.startStepLiteral,
    inputType: ir.input?.name ?? (ir.positionalInputCode ? inputTuple(ir) : null),
    inputPositional: ir.positionalInputCode !== null,
    exampleInputCode: ir.input ? exampleObject(ir.input) : ir.positionalInputCode && ir.inputFields ? exampleArray(ir.inputFields) : null,
    resultTsType: ir.resultTsType,
    signals,
    queries,
    updates,
    clientSharedImports: clientSharedImports(ir, [...signals, ...queries, ...updates]),
    clientUsesMoney:
      [...queries, ...updates].some((m) => /\bMoney\b/.test(m.resultTsType)) ||
      // A positional message's or input's tuple spells its types in client.ts.
      [...signals, ...queries, ...updates].some((m) => m.positional && /\bMoney\b/.test(m.argsType ?? '')) ||
      (ir.positionalInputCode !== null && /\bMoney\b/.test(inputTuple(ir))),
    customActivityFiles: ir.customActivities.map((a) => ({ name: a.name, filePath: a.filePath })),
    checksPayloads: ir.payloads.length > 0,
    messages: [
      ...signals.map((m) => ({ messageName: m.messageName, kind: 'signal' as const, helpers: [`signal${m.helperSuffix}`, `signalWithStart${m.helperSuffix}`] })),
      ...queries.map((m) => ({ messageName: m.messageName, kind: 'query' as const, helpers: [`query${m.helperSuffix}`] })),
      ...updates.map((m) => ({
        messageName: m.messageName,
        kind: 'update' as const,
        helpers: [`update${m.helperSuffix}`, `startUpdate${m.helperSuffix}`, `updateWithStart${m.helperSuffix}`],
      })),
    ],
  };
}

function clientMessage(handler: IrHandler): ClientMessage {
  const resultTsType = handler.kind === 'signal' ? 'void' : handler.resultTsType;
  return {
    messageName: handler.messageName,
    constName: handler.constName,
    helperSuffix: helperStem(handler.messageName),
    argsType: handler.positional ? handler.argsTuple : (handler.args?.name ?? null),
    positional: handler.positional,
    exampleArgsCode: handler.args ? exampleObject(handler.args) : handler.positional && handler.argsTuple ? exampleTuple(handler) : null,
    resultTsType,
    typeofLiteral: PRIMITIVE_TYPES.has(resultTsType) ? JSON.stringify(resultTsType) : null,
    description: handler.description,
  };
}

/**
 * A name as it reads inside a helper's name: PascalCase words, underscores dropped (ux_DrawOrder →
 * UxDrawOrder, get_status → GetStatus), so helpers read startUxDrawOrder, queryGetStatus.
 */
export function helperStem(identifier: string): string {
  const words = identifier.split('_').filter(Boolean);
  const stem = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  // A word starting with a digit (a_1) cannot lead an identifier part after a prefix anyway, but keep it readable.
  return stem || 'Workflow';
}

/** Two messages of a kind whose stems collide (get_status, getStatus) keep their names as written, underscores and all. */
function withDistinctSuffixes(messages: ClientMessage[]): ClientMessage[] {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.helperSuffix, (counts.get(m.helperSuffix) ?? 0) + 1);
  return messages.map((m) => (counts.get(m.helperSuffix)! > 1 ? { ...m, helperSuffix: m.messageName.charAt(0).toUpperCase() + m.messageName.slice(1) } : m));
}

function clientSharedImports(ir: WorkflowIr, messages: ClientMessage[]): string[] {
  const values = messages.map((m) => m.constName);
  // A positional message's tuple is spelled in place, not imported.
  const types = [ir.input?.name, ...messages.map((m) => (m.positional ? null : m.argsType))].filter((name): name is string => Boolean(name));
  const sortKey = (name: string) => name.replace(/^type /, '').toLowerCase();
  return [...new Set([...values, ...types.map((name) => `type ${name}`)])].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

/** The labeled tuple a positional input is started with: `[requestId: string, maxAmount?: Money]` (the workflow function's parameters). */
function inputTuple(ir: WorkflowIr): string {
  const count = ir.inputFields?.fields.length ?? 0;
  return `[${ir.parameters.slice(0, count).join(', ')}]`;
}

/** An array literal with a plausible value for each argument, e.g. `['example requestId', '1.00']`. */
function exampleArray(shape: TsInterface): string {
  return `[${shape.fields.map((field) => exampleValue(field.name, field.tsType)).join(', ')}]`;
}

function exampleTuple(handler: IrHandler): string {
  return exampleArray({ name: handler.messageName, fields: handler.parameterFields });
}

/** An object literal with a plausible value for every field, e.g. `{ requestId: 'example requestId' }`. */
function exampleObject(shape: TsInterface): string {
  return `{ ${shape.fields.map((field) => `${field.name}: ${exampleValue(field.name, field.tsType)}`).join(', ')} }`;
}

export function exampleValue(name: string, tsType: string): string {
  if (tsType === 'string') return JSON.stringify(`example ${name}`);
  if (tsType === 'number') return '1';
  if (tsType === 'boolean') return 'false';
  // Money is an exact decimal amount written as a string (templates/money.ts.hbs).
  if (tsType === 'Money') return JSON.stringify('1.00');
  if (tsType.endsWith('[]')) return `[]`;
  throw new Error(`internal: the export has no example value for the type ${tsType} (field ${name})`);
}

/** ApprovalWorkflow → approval-workflow; always a valid npm package name (identifiers are ASCII). */
export function kebabCase(identifier: string): string {
  const words = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.join('-').toLowerCase() || 'workflow';
}

import { activitySpec, type ActivitySpec } from '../activities';
import { referencedNames, type Expr, type Lowerings } from '../expressions';
import { POSTFIX_PRECEDENCE, childrenOf, precedenceOf } from '../expressions/ast';
import { mentionsMoney } from '../expressions/types';
import { FUNCTIONS } from '../expressions/functions';
import { fieldTsType, usesMoney } from '../field-types';
import { identifierOf } from '../names';
import { isHandlerNode } from '../schema/design';
import { stepOf } from '../steps';
import { carriedState } from '../steps/continueAsNew';
import { DESIGN_OWNER, expressionKey, type ValidatedDesign } from '../validate';
import { workflowResultRecord, workflowResultTsType } from '../validate/workflow-result';
import { tsFields, wireTsFields } from './code';
import { lowerCustomActivity } from './custom-activities';
import { lowerFlow } from './flow';
import { lowerHandler } from './handlers';
import { INPUT_PAYLOAD, isPositionalInput, lowerPayload, positionalInputParameters, readsRenamed } from './payloads';
import { activityProxies } from './proxies';
import type { IrAssignment, IrHandler, IrVariable, TsInterface, WorkflowIr } from './types';

/** Stage 3: the validated design, resolved into what the templates render. */
export function lowerDesign(validated: ValidatedDesign): WorkflowIr {
  const { design, graph } = validated;
  const code = (owner: string, field: string): string => expressionCode(validated, owner, field);
  const assignments = (node: { id: string; assignments: { variable: string }[] }): IrAssignment[] =>
    node.assignments.map((a, i) => ({ variable: a.variable, code: code(node.id, `assignments.${i}.value`) }));

  const proxies = activityProxies();
  const callee = proxies.callee;

  const specOf = (name: string): ActivitySpec => {
    const spec = activitySpec(design, name);
    if (!spec) throw new Error(`internal: activity ${name} is not declared`);
    return spec;
  };
  const handlerNodes = design.nodes.filter(isHandlerNode);
  const handlers: IrHandler[] = handlerNodes.map((node) => lowerHandler(node, validated, code, assignments, callee, specOf));
  const customActivities = (design.activities ?? []).map(lowerCustomActivity);

  const flow = lowerFlow(validated, { code, assignments, callee, specOf });
  const proxyList = proxies.list();

  const carried = carriedState(design, graph.reachable);
  // The input, when there is one, is always read: its payload check is the workflow's first line.
  // An input whose wire names differ arrives as `wireInput`; the workflow reads `input`, mapped from it.
  // A positional input arrives as one parameter per field (`run(request_id)`): gathered into `wireInput` for its check.
  const positionalInput = isPositionalInput(design);
  const inputFields = readsRenamed(design.input) || positionalInput ? { name: `${design.name}InputFields`, fields: tsFields(design.input) } : null;
  const inputParameter = inputFields ? 'wireInput' : 'input';
  const inputParameters = positionalInput
    ? positionalInputParameters(design.input)
    : design.input.length
      ? [`${inputParameter}: ${design.name}Input`]
      : [];
  const parameters = [...inputParameters, ...(carried ? [`carried?: ${carried.name}`] : [])];
  const payloads = [
    ...(design.input.length ? [lowerPayload(INPUT_PAYLOAD, 'input', design.name, design.input, inputFields?.name ?? null, positionalInput)] : []),
    ...handlerNodes.flatMap((node, i) => {
      const use = handlers[i].payload;
      return use && node.type !== 'query' ? [lowerPayload(use.constName, node.type, node.name, node.parameters, handlers[i].fields?.name ?? null, handlers[i].positional)] : [];
    }),
  ];

  return {
    designName: design.name,
    parameters,
    positionalInputCode: positionalInput ? `[${design.input.map((f) => identifierOf(f.name)).join(', ')}]` : null,
    carried,
    workflowName: design.name,
    startStepLiteral: JSON.stringify(graph.startId),
    description: design.description || undefined,
    input: design.input.length && !positionalInput ? { name: `${design.name}Input`, fields: wireTsFields(design.input) } : null,
    inputFields,
    inputRead: [...validated.expressions.values()].some((compiled) => referencedNames(compiled.ast).has('input')),
    resultTsType: workflowResultTsType(design, validated.expressions),
    variables: lowerVariables(validated, carried),
    handlers,
    activityProxies: proxyList,
    customActivities,
    activitiesUseMoney: customActivities.some((a) => a.usesMoney),
    body: flow.body,
    workflowImports: workflowImports(flow.workflowImports, proxyList.length > 0, handlers, usesWorkflowInfo(validated), flow.usesFailureOf),
    failureVariable: flow.failureVariable,
    usesFailureOf: flow.usesFailureOf,
    usesMutex: handlers.some((h) => h.exclusive),
    usesHttp: proxyList.some((p) => p.functions.includes('http')),
    sharedSdkImports: [...new Set(handlers.map((h) => `define${h.kind.charAt(0).toUpperCase()}${h.kind.slice(1)}`))].sort(),
    sharedImports: sharedImports(design.name, design.input.length > 0 && !positionalInput, handlers, carried?.name),
    sharedImportsTypesOnly: handlers.length === 0,
    ...moneyUse(validated, customActivities.some((a) => a.usesMoney)),
    payloads,
    inputPayload: design.input.length ? INPUT_PAYLOAD : null,
    payloadImports: payloads.map((p) => p.constName).sort((a, b) => a.localeCompare(b)),
    payloadTypeImports: payloads.flatMap((p) => (p.fieldsType ? [p.fieldsType] : [])).sort((a, b) => a.localeCompare(b)),
  };
}

/** Which money helpers the emitted expressions call, and where the Money type is spelled out. */
function moneyUse(validated: ValidatedDesign, activitiesUseMoney: boolean): Pick<WorkflowIr, 'usesMoney' | 'moneyImports' | 'sharedUsesMoney'> {
  const { design } = validated;
  const helpers = new Set<string>();
  for (const compiled of validated.expressions.values()) collectMoneyHelpers(compiled.ast, compiled.lowerings, helpers);
  const handlerFields = design.nodes.flatMap((n) => (isHandlerNode(n) ? n.parameters : []));
  const sharedUsesMoney =
    [...design.input, ...handlerFields].some(usesMoney) ||
    // A query's or update's result type is spelled in shared.ts (defineQuery<Money>).
    design.nodes.some((n) => isHandlerNode(n) && mentionsMoney(validated.expressions.get(expressionKey(n.id, 'returns'))?.type ?? null));
  const stepsSpellMoney = design.nodes.some((n) => !isHandlerNode(n) && (stepOf(n).spellsMoney?.(n) ?? false));
  // A record result holding money spells Money in the workflow's return type.
  const resultSpellsMoney = mentionsMoney(workflowResultRecord(design, validated.expressions));
  // A positional input spells its fields' types in the workflow function's parameters.
  const parametersSpellMoney = isPositionalInput(design) && design.input.some(usesMoney);
  const annotated = design.variables.some((v) => v.type === 'list' && usesMoney(v)) || stepsSpellMoney || resultSpellsMoney || parametersSpellMoney;
  const moneyImports = [...helpers].sort();
  if (annotated) moneyImports.push('type Money');
  const usesAny = sharedUsesMoney || moneyImports.length > 0 || design.variables.some(usesMoney) || activitiesUseMoney;
  return { usesMoney: usesAny, moneyImports, sharedUsesMoney };
}

const MONEY_OPERATOR_HELPER: Readonly<Record<string, string>> = { '+': 'addMoney', '-': 'subtractMoney', '*': 'multiplyMoney' };

function collectMoneyHelpers(ast: Expr, lowerings: Lowerings, into: Set<string>): void {
  // formatMoney(amount) is money(amount): the normalised text of an amount.
  if (ast.kind === 'call' && (ast.callee === 'money' || ast.callee === 'formatMoney')) into.add('money');
  if (lowerings.has(ast)) {
    if (ast.kind === 'call') into.add('sumMoney');
    else if (ast.kind === 'binary') into.add(MONEY_OPERATOR_HELPER[ast.op] ?? 'compareMoney');
  }
  for (const child of childrenOf(ast)) collectMoneyHelpers(child, lowerings, into);
}

function workflowImports(
  stepImports: ReadonlySet<string>,
  usesActivities: boolean,
  handlers: IrHandler[],
  usesInfo: { workflowInfo: boolean; currentUpdateInfo: boolean },
  usesFailureOf: boolean,
): string[] {
  const used = new Set<string>(['allHandlersFinished', 'condition', ...stepImports]);
  // failureOf reads the application error behind an activity's or child's failure.
  if (usesFailureOf) for (const name of ['ApplicationFailure', 'TemporalFailure']) used.add(name);
  if (handlers.length > 0) used.add('setHandler');
  if (usesInfo.workflowInfo) used.add('workflowInfo');
  if (usesInfo.currentUpdateInfo) used.add('currentUpdateInfo');
  // Update rules reject (validators) or fail (checks) with a typed, non-retryable ApplicationFailure.
  if (handlers.some((h) => h.kind === 'update' && (h.checks.length > 0 || h.validators.length > 0))) used.add('ApplicationFailure');
  if (usesActivities) used.add('proxyActivities');
  return [...used].sort();
}

function sharedImports(
  workflowName: string,
  hasInput: boolean,
  handlers: IrHandler[],
  carriedName: string | undefined,
): string[] {
  const names = handlers.map((h) => h.constName);
  const types = new Set<string>();
  if (hasInput) types.add(`${workflowName}Input`);
  if (carriedName) types.add(carriedName);
  names.push(...types);
  const sorted = names.sort((a, b) => a.localeCompare(b));
  // Only types (a workflow without handlers): the whole import is `import type`, marked once.
  if (handlers.length === 0) return sorted;
  return sorted.map((name) => (types.has(name) ? `type ${name}` : name));
}

/** The workflow's state; a variable a Continue-as-new carries starts from the carried value when there is one. */
function lowerVariables(validated: ValidatedDesign, carried: TsInterface | null): IrVariable[] {
  const carriedNames = new Set(carried?.fields.map((f) => f.name));
  return validated.design.variables.map((v, i) => ({
    name: v.name,
    tsType: fieldTsType(v),
    annotation: v.type === 'list' ? fieldTsType(v) : null,
    description: v.description || undefined,
    initialCode: carriedNames.has(v.name)
      ? `carried?.${v.name} ?? ${wrapForNullish(validated, `variables.${i}.initial`)}`
      : expressionCode(validated, DESIGN_OWNER, `variables.${i}.initial`),
  }));
}

/** An initial value on the right of `??`, parenthesised unless it is a single term. */
function wrapForNullish(validated: ValidatedDesign, field: string): string {
  const compiled = validated.expressions.get(expressionKey(DESIGN_OWNER, field));
  if (!compiled) throw new Error(`internal: expression ${field} was not compiled`);
  return precedenceOf(compiled.ast) >= POSTFIX_PRECEDENCE ? compiled.code : `(${compiled.code})`;
}

function usesWorkflowInfo(validated: ValidatedDesign): { workflowInfo: boolean; currentUpdateInfo: boolean } {
  const calls = (form: string) => {
    const visit = (e: Expr): boolean => (e.kind === 'call' && FUNCTIONS[e.callee].emit.form === form) || childrenOf(e).some(visit);
    return [...validated.expressions.values()].some((c) => visit(c.ast));
  };
  return { workflowInfo: calls('info'), currentUpdateInfo: calls('updateId') };
}

/** The code of the expression `field` of `owner`, compiled during validation. */
function expressionCode(validated: ValidatedDesign, owner: string, field: string): string {
  const compiled = validated.expressions.get(expressionKey(owner, field));
  if (!compiled) throw new Error(`internal: expression ${owner}:${field} was not compiled`);
  return compiled.code;
}

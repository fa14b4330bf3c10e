import { activitySpec, type ActivitySpec } from '../activities';
import { referencedNames, type Expr, type Lowerings } from '../expressions';
import { POSTFIX_PRECEDENCE, childrenOf, precedenceOf } from '../expressions/ast';
import { FUNCTIONS } from '../expressions/functions';
import { fieldTsType, usesMoney } from '../fieldTypes';
import type { NodeOfType } from '../schema/design';
import { isHandlerNode } from '../schema/design';
import { DESIGN_OWNER, expressionKey, type ValidatedDesign } from '../validate';
import { tsFields } from './code';
import { lowerCustomActivity } from './customActivities';
import { lowerFlow } from './flow';
import { lowerHandler } from './handlers';
import { activityProxies } from './proxies';
import type { IrAssignment, IrHandler, IrStatement, TsInterface, WorkflowIr } from './types';

/** Stage 3: the validated design, resolved into what the templates render. */
export function lowerDesign(validated: ValidatedDesign): WorkflowIr {
  const { design, graph } = validated;
  // Code of the expression `field` of `owner`, compiled during validation.
  const code = (owner: string, field: string): string => {
    const compiled = validated.expressions.get(expressionKey(owner, field));
    if (!compiled) throw new Error(`internal: expression ${owner}:${field} was not compiled`);
    return compiled.code;
  };
  const assignments = (node: { id: string; assignments: { variable: string }[] }): IrAssignment[] =>
    node.assignments.map((a, i) => ({ variable: a.variable, code: code(node.id, `assignments.${i}.value`) }));

  const proxies = activityProxies();
  const callee = proxies.callee;

  const specOf = (name: string): ActivitySpec => {
    const spec = activitySpec(design, name);
    if (!spec) throw new Error(`internal: activity ${name} is not declared`);
    return spec;
  };
  const handlers: IrHandler[] = design.nodes
    .filter(isHandlerNode)
    .map((node) => lowerHandler(node, validated, code, assignments, callee, specOf));
  const customActivities = (design.activities ?? []).map(lowerCustomActivity);

  const { body, recordsSteps } = lowerFlow(validated, { code, assignments, callee, specOf });
  const proxyList = proxies.list();

  const carried = carriedState(validated);
  const carriedNames = new Set(carried?.fields.map((f) => f.name));
  // Clients always pass the input; a flow that never reads it names it `_input` (noUnusedParameters).
  const readsInput =
    [...validated.expressions.values()].some((c) => referencedNames(c.ast).has('input')) ||
    design.nodes.some((n) => n.type === 'continueAsNew' && graph.reachable.has(n.id));
  const parameters = [
    ...(design.input.length ? [`${readsInput ? 'input' : '_input'}: ${design.name}Input`] : []),
    ...(carried ? [`carried?: ${carried.name}`] : []),
  ];

  return {
    designName: design.name,
    parameters,
    carried,
    workflowName: design.name,
    startStepLiteral: JSON.stringify(graph.startId),
    description: design.description || undefined,
    input: design.input.length ? { name: `${design.name}Input`, fields: tsFields(design.input) } : null,
    resultTsType: design.resultType,
    variables: design.variables.map((v, i) => ({
      name: v.name,
      tsType: fieldTsType(v),
      annotation: v.type === 'list' ? fieldTsType(v) : null,
      description: v.description || undefined,
      initialCode: carriedNames.has(v.name)
        ? `carried?.${v.name} ?? ${wrapForNullish(validated, `variables.${i}.initial`)}`
        : code(DESIGN_OWNER, `variables.${i}.initial`),
    })),
    handlers,
    activityProxies: proxyList,
    customActivities,
    activitiesUseMoney: customActivities.some((a) => a.usesMoney),
    body,
    workflowImports: workflowImports(body, proxyList.length > 0, handlers, usesWorkflowInfo(validated), recordsSteps),
    recordsSteps,
    usesMutex: handlers.some((h) => h.exclusive),
    usesHttp: proxyList.some((p) => p.functions.includes('http')),
    sharedSdkImports: [...new Set(['defineQuery', ...handlers.map((h) => `define${h.kind.charAt(0).toUpperCase()}${h.kind.slice(1)}`)])].sort(),
    sharedImports: sharedImports(design.name, design.input.length > 0, handlers, carried?.name, recordsSteps),
    ...moneyUse(validated, handlers, customActivities.some((a) => a.usesMoney)),
  };
}

/** Which money helpers the emitted expressions call, and where the Money type is spelled out. */
function moneyUse(validated: ValidatedDesign, handlers: IrHandler[], activitiesUseMoney: boolean): Pick<WorkflowIr, 'usesMoney' | 'moneyImports' | 'sharedUsesMoney'> {
  const { design } = validated;
  const helpers = new Set<string>();
  for (const compiled of validated.expressions.values()) collectMoneyHelpers(compiled.ast, compiled.lowerings, helpers);
  const handlerFields = design.nodes.flatMap((n) => (isHandlerNode(n) ? n.parameters : []));
  const sharedUsesMoney =
    [...design.input, ...handlerFields].some(usesMoney) || handlers.some((h) => h.kind !== 'signal' && /\bMoney\b/.test(h.resultTsType));
  const typedArguments = design.nodes.flatMap((n) => (n.type === 'childWorkflow' ? n.input : n.type === 'signalExternal' ? n.args : []));
  const annotated = design.variables.some((v) => v.type === 'list' && usesMoney(v)) || typedArguments.some((a) => a.type === 'money');
  const moneyImports = [...helpers].sort();
  if (annotated) moneyImports.push('type Money');
  const usesAny = sharedUsesMoney || moneyImports.length > 0 || design.variables.some(usesMoney) || activitiesUseMoney;
  return { usesMoney: usesAny, moneyImports, sharedUsesMoney };
}

const MONEY_OPERATOR_HELPER: Readonly<Record<string, string>> = { '+': 'addMoney', '-': 'subtractMoney', '*': 'multiplyMoney' };

function collectMoneyHelpers(ast: Expr, lowerings: Lowerings, into: Set<string>): void {
  if (ast.kind === 'call' && ast.callee === 'money') into.add('money');
  if (lowerings.has(ast)) {
    if (ast.kind === 'call') into.add('sumMoney');
    else if (ast.kind === 'binary') into.add(MONEY_OPERATOR_HELPER[ast.op] ?? 'compareMoney');
  }
  for (const child of childrenOf(ast)) collectMoneyHelpers(child, lowerings, into);
}

function workflowImports(
  body: IrStatement[],
  usesActivities: boolean,
  handlers: IrHandler[],
  usesInfo: { workflowInfo: boolean; currentUpdateInfo: boolean },
  recordsSteps: boolean,
): string[] {
  const used = new Set<string>(['allHandlersFinished', 'condition', 'setHandler']);
  if (usesInfo.workflowInfo || recordsSteps) used.add('workflowInfo');
  if (recordsSteps) used.add('upsertSearchAttributes');
  if (usesInfo.currentUpdateInfo) used.add('currentUpdateInfo');
  if (handlers.some((h) => h.kind === 'update' && h.checks.length > 0)) used.add('ApplicationFailure');
  if (usesActivities) used.add('proxyActivities');
  const visit = (statements: IrStatement[]): void => {
    for (const s of statements) {
      if (s.kind === 'sleep') used.add('sleep');
      if (s.kind === 'fail') used.add('ApplicationFailure');
      if (s.kind === 'continueAsNew') used.add('continueAsNew');
      if (s.kind === 'childWorkflow') used.add(s.call);
      if (s.kind === 'signalExternal') used.add('getExternalWorkflowHandle');
      if (s.kind === 'wait') {
        visit(s.onMet);
        visit(s.onTimeout);
      }
      if (s.kind === 'stateMachine') for (const c of s.cases) visit(c.body);
      if (s.kind === 'decision') {
        for (const b of s.branches) visit(b.body);
        visit(s.elseBody);
      }
    }
  };
  visit(body);
  return [...used].sort();
}

function sharedImports(
  workflowName: string,
  hasInput: boolean,
  handlers: IrHandler[],
  carriedName: string | undefined,
  recordsSteps: boolean,
): string[] {
  const names = ['designerStateQuery'];
  if (recordsSteps) names.push('stepSearchAttribute');
  for (const h of handlers) names.push(h.constName);
  const types = new Set<string>();
  if (hasInput) types.add(`${workflowName}Input`);
  if (carriedName) types.add(carriedName);
  names.push(...types);
  const sorted = names.sort((a, b) => a.localeCompare(b));
  return sorted.map((name) => (types.has(name) ? `type ${name}` : name));
}

/**
 * What a continued run receives: the variables any Continue-as-new node carries. A variable
 * only some of them carry is optional; every run falls back to the initial value when absent.
 */
function carriedState(validated: ValidatedDesign): TsInterface | null {
  const { design, graph } = validated;
  const nodes = design.nodes.filter((n): n is NodeOfType<'continueAsNew'> => n.type === 'continueAsNew' && graph.reachable.has(n.id));
  if (nodes.length === 0) return null;
  const fields = design.variables
    .filter((v) => nodes.some((n) => n.carry.includes(v.name)))
    .map((v) => ({ name: v.name, tsType: fieldTsType(v), optional: !nodes.every((n) => n.carry.includes(v.name)) || undefined }));
  return { name: `${design.name}Carried`, fields };
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

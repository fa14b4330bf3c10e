import { activitySpec, type ActivitySpec } from '../activities';
import { emitExpression, referencedNames, type BinaryOp, type Expr, type Lowerings } from '../expressions';
import { POSTFIX_PRECEDENCE, childrenOf, precedenceOf } from '../expressions/ast';
import { FUNCTIONS } from '../expressions/functions';
import { exprTsType, fieldTsType, scalarTsType, usesMoney } from '../fieldTypes';
import { argsInterfaceName, messageConstName } from '../names';
import type { Duration, Field, FlowNode, HandlerActivity, HandlerNode, NodeOfType, TypedArgument } from '../schema/design';
import { isHandlerNode } from '../schema/design';
import { recordsStep } from '../step-recording';
import { DESIGN_OWNER, expressionKey, joinedNodes, type ValidatedDesign } from '../validate';
import { lowerCustomActivity } from './customActivities';
import type { IrActivityProxy, IrAssignment, IrHandler, IrStatement, TsInterface, WorkflowIr } from './types';

const DEFAULT_ACTIVITY_TIMEOUT: Duration = { amount: 1, unit: 'minutes' };

/** Stage 3: the validated design, resolved into what the templates render. */
export function lowerDesign(validated: ValidatedDesign): WorkflowIr {
  const { design, graph } = validated;
  const code = (owner: string, field: string): string => {
    const compiled = validated.expressions.get(expressionKey(owner, field));
    if (!compiled) throw new Error(`internal: expression ${owner}:${field} was not compiled`);
    return compiled.code;
  };
  const assignments = (node: { id: string; assignments: { variable: string }[] }): IrAssignment[] =>
    node.assignments.map((a, i) => ({ variable: a.variable, code: code(node.id, `assignments.${i}.value`) }));

  const proxies = new Map<string, Set<string>>();
  const callee = (node: Pick<HandlerActivity, 'activity' | 'startToCloseTimeout'>): string => {
    const timeout = durationLiteral(node.startToCloseTimeout ?? DEFAULT_ACTIVITY_TIMEOUT);
    const functions = proxies.get(timeout) ?? new Set<string>();
    functions.add(node.activity);
    proxies.set(timeout, functions);
    return timeout === durationLiteral(DEFAULT_ACTIVITY_TIMEOUT) ? node.activity : `${proxyObjectName(timeout)}.${node.activity}`;
  };

  const specOf = (name: string): ActivitySpec => {
    const spec = activitySpec(design, name);
    if (!spec) throw new Error(`internal: activity ${name} is not declared`);
    return spec;
  };
  const handlers: IrHandler[] = design.nodes
    .filter(isHandlerNode)
    .map((node) => lowerHandler(node, validated, code, assignments, callee, specOf));
  const customActivities = (design.activities ?? []).map(lowerCustomActivity);

  const asStateMachine = joinedNodes(graph).length > 0;
  // Steps an execution can sit in record themselves in visibility; instant ones would only add history.
  let recordsSteps = false;
  const record = (node: FlowNode): IrStatement[] => {
    if (!recordsStep(node)) return [];
    recordsSteps = true;
    return [{ kind: 'recordStep' }];
  };
  const successor = (id: string, output: string): string => {
    const target = graph.successors.get(id)?.get(output);
    if (!target) throw new Error(`internal: ${id} has no ${output} edge`);
    return target;
  };
  const lowerFrom = (id: string): IrStatement[] => {
    const node = graph.nodes.get(id);
    if (!node) throw new Error(`internal: flow node ${id} missing`);
    const next = (output: string): IrStatement[] => {
      const target = successor(id, output);
      return asStateMachine ? [{ kind: 'goto', stepLiteral: JSON.stringify(target) }] : lowerFrom(target);
    };
    // The state machine enters each step once, at the top of its loop.
    const enter: IrStatement = asStateMachine
      ? { kind: 'comment', text: stepComment(node) }
      : { kind: 'enterStep', nodeIdLiteral: JSON.stringify(node.id), comment: stepComment(node) };
    switch (node.type) {
      case 'start':
        return next('next');
      case 'wait':
        return [
          enter,
          ...record(node),
          {
            kind: 'wait',
            conditionCode: code(node.id, 'condition'),
            timeoutLiteral: node.timeout ? durationLiteral(node.timeout) : null,
            onMet: next('met'),
            onTimeout: node.timeout ? next('timeout') : [],
          },
        ];
      case 'timer':
        return [
          enter,
          ...record(node),
          { kind: 'sleep', durationLiteral: durationLiteral(node.duration) },
          ...next('next'),
        ];
      case 'activity': {
        const argsCode = activityArgsCode(specOf(node.activity), (name) => code(node.id, `args.${name}`));
        const call = { kind: 'activity' as const, callee: callee(node), argsCode, resultVariable: node.resultVariable || null };
        return [enter, ...record(node), call, ...next('next')];
      }
      case 'decision':
        return [
          enter,
          {
            kind: 'decision',
            branches: node.branches.map((branch, i) => ({
              conditionCode: code(node.id, `branches.${i}.condition`),
              label: branch.label || undefined,
              body: next(branch.id),
            })),
            elseBody: next('else'),
          },
        ];
      case 'assign':
        return [enter, { kind: 'assign', assignments: assignments(node) }, ...next('next')];
      case 'end':
        return node.outcome === 'fail'
          ? [enter, { kind: 'fail', messageCode: code(node.id, 'result') }]
          : [enter, { kind: 'complete', resultCode: code(node.id, 'result') }];
      case 'childWorkflow': {
        const { type, value } = typedObject(node.input, (i) => code(node.id, `input.${i}.value`));
        const options = [
          `workflowId: ${code(node.id, 'workflowId')}`,
          ...(node.taskQueue?.trim() ? [`taskQueue: ${code(node.id, 'taskQueue')}`] : []),
          ...(value ? [`args: [${value}]`] : []),
          // A child that is only started lives on when this run ends.
          ...(node.waitForResult ? [] : [`parentClosePolicy: 'ABANDON'`]),
        ];
        const child: IrStatement = {
          kind: 'childWorkflow',
          call: node.waitForResult ? 'executeChild' : 'startChild',
          signature: `(${type ? `input: ${type}` : ''}) => Promise<${node.waitForResult ? (node.resultType ?? 'string') : 'unknown'}>`,
          workflowTypeLiteral: JSON.stringify(node.workflowType),
          optionsCode: `{ ${options.join(', ')} }`,
          resultVariable: (node.waitForResult && node.resultVariable) || null,
        };
        return [enter, ...record(node), child, ...next('next')];
      }
      case 'signalExternal': {
        const { type, value } = typedObject(node.args, (i) => code(node.id, `args.${i}.value`));
        const signal: IrStatement = {
          kind: 'signalExternal',
          workflowIdCode: code(node.id, 'workflowId'),
          signalLiteral: JSON.stringify(node.signal),
          argsType: type,
          argsCode: value,
        };
        return [enter, signal, ...next('next')];
      }
      case 'continueAsNew': {
        const state = `{ ${node.carry.join(', ')} }`;
        const argsCode = design.input.length ? `input, ${state}` : state;
        return [enter, { kind: 'continueAsNew', workflowName: design.name, argsCode }];
      }
    }
  };

  const body: IrStatement[] = asStateMachine
    ? [
        {
          kind: 'stateMachine',
          initialLiteral: JSON.stringify(successor(graph.startId, 'next')),
          cases: [...graph.reachable]
            .filter((id) => id !== graph.startId)
            .map((id) => ({ stepLiteral: JSON.stringify(id), body: lowerFrom(id) })),
        },
      ]
    : lowerFrom(graph.startId);
  const activityProxies: IrActivityProxy[] = [...proxies.entries()]
    .map(([timeout, functions]) => ({
      objectName: timeout === durationLiteral(DEFAULT_ACTIVITY_TIMEOUT) ? null : proxyObjectName(timeout),
      functions: [...functions].sort(),
      startToCloseTimeoutLiteral: timeout,
    }))
    .sort((a, b) => (a.objectName ?? '').localeCompare(b.objectName ?? ''));

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
    activityProxies,
    customActivities,
    activitiesUseMoney: customActivities.some((a) => a.usesMoney),
    body,
    workflowImports: workflowImports(body, activityProxies.length > 0, handlers, usesWorkflowInfo(validated), recordsSteps),
    recordsSteps,
    usesMutex: handlers.some((h) => h.exclusive),
    usesHttp: activityProxies.some((p) => p.functions.includes('http')),
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

function lowerHandler(
  node: HandlerNode,
  validated: ValidatedDesign,
  code: (owner: string, field: string) => string,
  assignments: (node: { id: string; assignments: { variable: string }[] }) => IrAssignment[],
  callee: (call: Pick<HandlerActivity, 'activity' | 'startToCloseTimeout'>) => string,
  specOf: (name: string) => ActivitySpec,
): IrHandler {
  const has = (field: string): boolean => validated.expressions.has(expressionKey(node.id, field));
  const readsArgs = (fields: string[]): boolean =>
    fields.some((field) => {
      const compiled = validated.expressions.get(expressionKey(node.id, field));
      return compiled ? referencedNames(compiled.ast).has('args') : false;
    });
  const call = node.type === 'query' ? undefined : node.activity;
  const activityFields = call ? specOf(call.activity).parameters.map((p) => `activity.args.${p.name}`) : [];
  const bodyFields = [
    ...('assignments' in node ? node.assignments.map((_, i) => `assignments.${i}.value`) : []),
    ...(node.type === 'update' ? (node.checks ?? []).map((_, i) => `checks.${i}.condition`) : []),
    ...activityFields,
    'returns',
    'when',
    'waitUntil',
  ];
  const activity = call
    ? {
        callee: callee(call),
        argsCode: activityArgsCode(specOf(call.activity), (name) => code(node.id, `activity.args.${name}`)),
        resultVariable: call.resultVariable || null,
      }
    : null;
  const waitsInHandler = node.type === 'update' && has('waitUntil');
  // State read before the activity's await and written after it would interleave with other
  // handlers: those handlers run one at a time under the mutex (6.4.5). Nothing else needs it.
  const touchesState =
    activity !== null &&
    (('assignments' in node && node.assignments.length > 0) ||
      activity.resultVariable !== null ||
      (node.type === 'update' && (node.checks ?? []).length > 0) ||
      has('when'));
  const base = {
    messageName: node.name,
    usesArgs: readsArgs(bodyFields),
    constName: messageConstName(node.name, node.type),
    args: node.parameters.length ? { name: argsInterfaceName(node.name), fields: tsFields(node.parameters) } : null,
    description: node.description || undefined,
    isAsync: activity !== null || waitsInHandler,
    exclusive: touchesState,
    activity,
  };
  const rules = (list: { message: string }[], field: string) =>
    list.map((rule, i) => ({ rejectWhenCode: negate(validated, node.id, `${field}.${i}.condition`), messageLiteral: JSON.stringify(rule.message) }));
  switch (node.type) {
    case 'signal':
      return {
        ...base,
        kind: 'signal',
        skipWhenCode: has('when') ? negate(validated, node.id, 'when') : null,
        assignments: assignments(node),
      };
    case 'query':
      return { ...base, kind: 'query', resultTsType: resultType(validated, node.id), returnsCode: code(node.id, 'returns') };
    case 'update': {
      const hasReturn = has('returns');
      return {
        ...base,
        kind: 'update',
        resultTsType: hasReturn ? resultType(validated, node.id) : 'void',
        validatorUsesArgs: readsArgs(node.validators.map((_, i) => `validators.${i}.condition`)),
        validators: rules(node.validators, 'validators'),
        checks: rules(node.checks ?? [], 'checks'),
        skipWhenCode: has('when') ? negate(validated, node.id, 'when') : null,
        waitUntilCode: waitsInHandler ? code(node.id, 'waitUntil') : null,
        assignments: assignments(node),
        returnsCode: hasReturn ? code(node.id, 'returns') : null,
      };
    }
  }
}

/** The one object argument of an activity call, `{ a: <code>, b: <code> }`; nothing for an activity without parameters. */
function activityArgsCode(spec: ActivitySpec, argCode: (parameter: string) => string): string {
  return spec.parameters.length ? `{ ${spec.parameters.map((p) => `${p.name}: ${argCode(p.name)}`).join(', ')} }` : '';
}

function resultType(validated: ValidatedDesign, nodeId: string): string {
  const type = validated.expressions.get(expressionKey(nodeId, 'returns'))?.type;
  if (!type || type.kind === 'object') throw new Error(`internal: ${nodeId} returns no value`);
  return exprTsType(type);
}

/** The opposite of each comparison, so a negated `a == b` reads `a !== b`, not `!(a === b)`. */
const OPPOSITE: Readonly<Partial<Record<BinaryOp, BinaryOp>>> = { '==': '!=', '!=': '==', '<': '>=', '>=': '<', '>': '<=', '<=': '>' };

/**
 * The condition under which a rule rejects (or a signal is skipped), negated the way a person
 * would write it: `!decided` becomes `decided`, `a == b` becomes `a !== b`, and De Morgan turns
 * `!(x && y < 3)` into `!x || y >= 3`.
 */
function negate(validated: ValidatedDesign, owner: string, field: string): string {
  const compiled = validated.expressions.get(expressionKey(owner, field));
  if (!compiled) throw new Error(`internal: expression ${owner}:${field} was not compiled`);
  const lowerings = new Map(compiled.lowerings);
  const opposite = (e: Expr): Expr => {
    if (e.kind === 'unary' && e.op === '!') return e.operand;
    if (e.kind === 'boolean') return { ...e, value: !e.value };
    if (e.kind === 'binary' && (e.op === '&&' || e.op === '||')) {
      return { ...e, op: e.op === '&&' ? '||' : '&&', left: opposite(e.left), right: opposite(e.right) };
    }
    const flippedOp = e.kind === 'binary' ? OPPOSITE[e.op] : undefined;
    if (e.kind === 'binary' && flippedOp) {
      const flipped: Expr = { ...e, op: flippedOp };
      const lowering = lowerings.get(e);
      if (lowering) lowerings.set(flipped, lowering);
      return flipped;
    }
    return { kind: 'unary', op: '!', operand: e, start: e.start, end: e.end };
  };
  return emitExpression(opposite(compiled.ast), lowerings);
}

function tsFields(fields: Field[]): TsInterface['fields'] {
  return fields.map((f) => ({ name: f.name, tsType: fieldTsType(f), label: f.label || undefined }));
}

function stepComment(node: FlowNode): string | undefined {
  const parts = [node.label, node.description].filter((p): p is string => Boolean(p && p.trim()));
  return parts.length ? parts.join(': ') : undefined;
}

export function durationLiteral(duration: Duration): string {
  const unit = duration.amount === 1 ? duration.unit.slice(0, -1) : duration.unit;
  return JSON.stringify(`${duration.amount} ${unit}`);
}

/** "5 minutes" → activitiesWithin5Minutes */
function proxyObjectName(timeoutLiteral: string): string {
  const words = (JSON.parse(timeoutLiteral) as string).replace(/\./g, '_').split(' ');
  return `activitiesWithin${words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
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

/** A payload written field by field: its type `{ a: string }` and value `{ a: <code> }` (null when empty). */
function typedObject(fields: TypedArgument[], valueCode: (index: number) => string): { type: string | null; value: string | null } {
  if (fields.length === 0) return { type: null, value: null };
  return {
    type: `{ ${fields.map((f) => `${f.name}: ${scalarTsType(f.type)}`).join('; ')} }`,
    value: `{ ${fields.map((f, i) => `${f.name}: ${valueCode(i)}`).join(', ')} }`,
  };
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

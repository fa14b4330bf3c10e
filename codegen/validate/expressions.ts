import type { Diagnostic } from '../diagnostics';
import { activitySpec, BUILTIN_ACTIVITY_SPECS } from '../activities';
import { assignable, compileExpression, compileTextTemplate, formatType, type CompileResult, type Expr, type ExprType, type Lowerings, type Scope } from '../expressions';
import { parseExpression } from '../expressions/parser';
import { fieldExprType, isFieldName } from '../field-types';
import { identifierOf } from '../names';
import { recipientEntries } from '../notify-recipients';
import { isHandlerNode, type Design, type DesignNode, type Field, type HandlerActivity, type HandlerNode, type ValueType } from '../schema/design';
import { messageOf } from '../messages';
import { stepOf } from '../steps';
import type { ExpressionChecks } from '../steps/types';
import { FAILURE_NAME } from '../steps/failure';
import { describeNode } from './describe';
import { failurePathNodes } from './failure-paths';

/** What a step on a failure path reads: `failure.type` (the application error's type) and `failure.message`. */
const FAILURE_TYPE: ExprType = { kind: 'object', fields: { type: { kind: 'string' }, message: { kind: 'string' } } };

export interface CompiledExpression {
  code: string;
  ast: Expr;
  type: ExprType;
  lowerings: Lowerings;
}

/** Compiled expressions keyed by `expressionKey(owner, field)`. */
export type CompiledExpressions = Map<string, CompiledExpression>;

export function expressionKey(owner: string, field: string): string {
  return `${owner}:${field}`;
}

/** The owner of design-level expressions (variable initial values). */
export const DESIGN_OWNER = '#design';

export interface ExpressionCheck {
  diagnostics: Diagnostic[];
  compiled: CompiledExpressions;
}

/** Parses and type-checks every expression of the design in the scope where it runs. */
export function checkExpressions(design: Design): ExpressionCheck {
  const diagnostics: Diagnostic[] = [];
  const compiled: CompiledExpressions = new Map();
  const input = objectOf(design.input);
  const state: Record<string, ExprType> = { input };
  for (const variable of design.variables.filter((v) => isFieldName(v.name))) state[variable.name] = fieldExprType(variable);
  const variableTypes = new Map(design.variables.map((v) => [v.name, fieldExprType(v)]));

  const compile = (owner: DesignNode | null, field: string, label: string, text: string, scope: Scope, expected?: ExprType | ValueType): void => {
    const want: ExprType | undefined = typeof expected === 'string' ? fieldExprType({ type: expected }) : expected;
    record(owner, field, label, compileExpression(text, scope, want));
  };
  const record = (owner: DesignNode | null, field: string, label: string, result: CompileResult): void => {
    if (result.ok) {
      compiled.set(expressionKey(owner?.id ?? DESIGN_OWNER, field), { code: result.code, ast: result.ast, type: result.type, lowerings: result.lowerings });
      return;
    }
    const where = owner ? `${describeNode(owner)}, ${label}` : label;
    for (const error of result.errors) {
      diagnostics.push({
        severity: 'error',
        code: 'expression.invalid',
        message: `${where}: ${error.message}`,
        field,
        range: { start: error.start, end: error.end },
        ...(owner ? { nodeId: owner.id } : {}),
      });
    }
  };

  design.variables.forEach((variable, index) => {
    compile(null, `variables.${index}.initial`, `initial value of ${JSON.stringify(variable.name)}`, variable.initial, { names: { input } }, fieldExprType(variable));
  });

  const assignTo = (owner: DesignNode, path: string, variable: string, value: string, scope: Scope): void => {
    const type = variableTypes.get(variable);
    if (!type) {
      diagnostics.push({
        severity: 'error',
        code: 'assignment.unknown-variable',
        message: `${describeNode(owner)} assigns to ${JSON.stringify(variable)}, which is not a declared variable; declare it in the workflow's variables`,
        nodeId: owner.id,
        field: `${path}.variable`,
      });
      return;
    }
    compile(owner, `${path}.value`, `value for ${variable}`, value, scope, type);
  };

  /** A recipient written as a literal can be checked as drawn; one computed at run time is the notify activity's to check. */
  const checkLiteralRecipient = (node: DesignNode, field: string, text: string): void => {
    const parsed = parseExpression(text);
    if (!parsed.ok || parsed.ast.kind !== 'string') return;
    const entries = recipientEntries(parsed.ast.value);
    const invalid = entries.find((entry) => 'invalid' in entry);
    if (entries.length > 0 && !invalid) return;
    const what = invalid && 'invalid' in invalid ? `${JSON.stringify(invalid.invalid)} is neither a username, role:<role> nor group:<group>` : 'no one is named';
    diagnostics.push({ severity: 'error', code: 'activity.notify-recipient', message: `${describeNode(node)} notifies ${JSON.stringify(parsed.ast.value)}: ${what}; write usernames, role:<role> or group:<group>, separated by commas`, nodeId: node.id, field });
  };

  /** An activity call, built-in or custom (a flow node, or the activity a handler runs): its arguments and result. */
  const checkActivityCall = (node: DesignNode, prefix: string, call: HandlerActivity, scope: Scope): void => {
    const spec = activitySpec(design, call.activity);
    if (!spec) {
      const known = [...Object.keys(BUILTIN_ACTIVITY_SPECS), ...(design.activities ?? []).map((a) => a.name)];
      diagnostics.push({ severity: 'error', code: 'activity.unknown', message: `${describeNode(node)} calls ${JSON.stringify(call.activity)}, which is neither a built-in nor a custom activity of this design; choose one of ${known.join(', ')}`, nodeId: node.id, field: `${prefix}activity` });
      return;
    }
    const kind = spec.custom ? 'custom activity' : 'activity';
    for (const parameter of spec.parameters) {
      const text = call.args[parameter.name];
      if (text === undefined || (spec.custom && text.trim() === '')) {
        diagnostics.push({ severity: 'error', code: 'activity.missing-argument', message: `${describeNode(node)} needs a value for ${JSON.stringify(parameter.name)} (${parameter.description.toLowerCase()}) of the ${call.activity} ${kind}`, nodeId: node.id, field: `${prefix}args.${parameter.name}` });
      } else {
        compile(node, `${prefix}args.${parameter.name}`, parameter.name, text, scope, fieldExprType(parameter));
        if (!spec.custom && call.activity === 'notify' && parameter.name === 'recipient') checkLiteralRecipient(node, `${prefix}args.recipient`, text);
      }
    }
    for (const name of Object.keys(call.args)) {
      if (!spec.parameters.some((p) => p.name === name)) {
        diagnostics.push({ severity: 'error', code: 'activity.unknown-argument', message: `${describeNode(node)}: the ${call.activity} ${kind} has no parameter ${JSON.stringify(name)}`, nodeId: node.id, field: `${prefix}args.${name}` });
      }
    }
    if (!call.resultVariable) return;
    const target = variableTypes.get(call.resultVariable);
    const field = `${prefix}resultVariable`;
    const returns = spec.result ? fieldExprType(spec.result) : null;
    if (!returns) {
      diagnostics.push({ severity: 'error', code: 'activity.no-result', message: `${describeNode(node)}: the ${call.activity} ${kind} returns nothing to store in ${JSON.stringify(call.resultVariable)}`, nodeId: node.id, field });
    } else if (!target) {
      diagnostics.push({ severity: 'error', code: 'assignment.unknown-variable', message: `${describeNode(node)} stores its result in ${JSON.stringify(call.resultVariable)}, which is not a declared variable; declare it in the workflow's variables`, nodeId: node.id, field });
    } else if (!assignable(returns, target)) {
      diagnostics.push({ severity: 'error', code: 'activity.result-type', message: `${describeNode(node)}: the ${call.activity} ${kind} returns a ${formatType(returns)}, but ${JSON.stringify(call.resultVariable)} is a ${formatType(target)}`, nodeId: node.id, field });
    }
  };
  // Flow steps run in the workflow's state; a message's handler also sees its `args`, a step on a
  // failure path what failed (codegen/steps/failure.ts).
  const stateScope: Scope = { names: state };
  const failureScope: Scope = { names: { ...state, [FAILURE_NAME]: FAILURE_TYPE } };
  const onFailurePath = failurePathNodes(design);
  for (const node of design.nodes) {
    const scope = isHandlerNode(node) ? handlerScope(state, node) : onFailurePath.has(node.id) ? failureScope : stateScope;
    const check: ExpressionChecks = {
      design,
      error: (code, message, field) => diagnostics.push({ severity: 'error', code, message, nodeId: node.id, field }),
      compile: (field, label, text, expected) => compile(node, field, label, text, scope, expected),
      compileText: (field, label, text) => record(node, field, label, compileTextTemplate(text, scope)),
      assignTo: (path, variable, value) => assignTo(node, path, variable, value, scope),
      activityCall: (prefix, call) => checkActivityCall(node, prefix, call, scope),
      variableType: (name) => variableTypes.get(name),
    };
    if (isHandlerNode(node)) messageOf(node).validate.expressions(node, check);
    else stepOf(node).validate?.expressions?.(node, check);
  }
  diagnostics.push(...checkWaits(design, compiled));
  return { diagnostics, compiled };
}

/** Each kind's checks over the compiled expressions (can a Wait, or a waiting update, ever be released?). */
function checkWaits(design: Design, compiled: CompiledExpressions): Diagnostic[] {
  const changedByMessages = new Set<string>();
  for (const node of design.nodes) {
    if (isHandlerNode(node)) for (const variable of messageOf(node).writes?.(node) ?? []) changedByMessages.add(variable);
  }
  const changedAnywhere = new Set(changedByMessages);
  for (const node of design.nodes) {
    if (!isHandlerNode(node)) for (const variable of stepOf(node).writes?.(node) ?? []) changedAnywhere.add(variable);
  }
  const diagnostics: Diagnostic[] = [];
  const at = (node: DesignNode, severity: Diagnostic['severity']) => (code: string, message: string, field: string) => {
    diagnostics.push({ severity, code, message, nodeId: node.id, field });
  };
  const compiledOf = (node: DesignNode) => (field: string) => compiled.get(expressionKey(node.id, field));
  // Messages first, then the flow's steps: codegen/messages and codegen/steps, `validate.afterExpressions`.
  for (const node of design.nodes) {
    if (!isHandlerNode(node)) continue;
    messageOf(node).validate.afterExpressions?.(node, { error: at(node, 'error'), compiled: compiledOf(node), changedAnywhere });
  }
  for (const node of design.nodes) {
    if (isHandlerNode(node)) continue;
    stepOf(node).validate?.afterExpressions?.(node, {
      error: at(node, 'error'),
      warning: at(node, 'warning'),
      compiled: compiledOf(node),
      changedByMessages,
    });
  }
  return diagnostics;
}

function handlerScope(state: Record<string, ExprType>, handler: HandlerNode): Scope {
  return handler.parameters.length ? { names: { ...state, args: objectOf(handler.parameters) } } : { names: state };
}

function objectOf(fields: Field[]): ExprType {
  const shape: Record<string, ExprType> = {};
  // Expressions read a field under its identifier (approver_name → args.approverName, codegen/names.ts).
  for (const field of fields.filter((f) => isFieldName(identifierOf(f.name)))) shape[identifierOf(field.name)] = fieldExprType(field);
  return { kind: 'object', fields: shape };
}

import type { ActivitySpec } from '../activities';
import { emitExpression, referencedNames, type BinaryOp, type Expr } from '../expressions';
import { exprTsType } from '../fieldTypes';
import { argsInterfaceName, messageConstName } from '../names';
import type { HandlerActivity, HandlerNode } from '../schema/design';
import { expressionKey, type ValidatedDesign } from '../validate';
import { activityArgsCode, tsFields } from './code';
import type { IrAssignment, IrHandler } from './types';

/** A signal, query or update node as the workflow registers its handler. */
export function lowerHandler(
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

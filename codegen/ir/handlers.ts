import type { ActivitySpec } from '../activities';
import { emitExpression, referencedNames, type BinaryOp, type Expr } from '../expressions';
import { exprTsType } from '../field-types';
import { messageOf } from '../messages';
import type { MessageLowerContext } from '../messages/types';
import { argsInterfaceName, fieldsInterfaceName, messageConstName } from '../names';
import { messageTypeStem } from '../message-names';
import { isHandlerNode, type HandlerNode } from '../schema/design';
import type { ActivityCallOptions } from './proxies';
import { expressionKey, type ValidatedDesign } from '../validate';
import { activityArgsCode, tsFields, wireTsFields } from './code';
import { argumentsTuple, payloadConstName, readsRenamed } from './payloads';
import type { IrAssignment, IrHandler, IrPayloadUse } from './types';

/**
 * A signal, query or update node as the workflow registers its handler: its kind's definition
 * (codegen/messages/<kind>.ts) lowers it, with the pieces every handler shares given here.
 */
export function lowerHandler(
  node: HandlerNode,
  validated: ValidatedDesign,
  code: (owner: string, field: string) => string,
  assignments: (node: { id: string; assignments: { variable: string }[] }) => IrAssignment[],
  callee: (call: ActivityCallOptions) => string,
  specOf: (name: string) => ActivitySpec,
): IrHandler {
  const has = (field: string): boolean => validated.expressions.has(expressionKey(node.id, field));
  const readsArgs = (fields: string[]): boolean =>
    fields.some((field) => {
      const compiled = validated.expressions.get(expressionKey(node.id, field));
      return compiled ? referencedNames(compiled.ast).has('args') : false;
    });
  // A signal and an update sharing a wire name get distinct argument types (codegen/message-names.ts).
  const stemOf = (h: HandlerNode): string => messageTypeStem(h, validated.design.nodes.filter(isHandlerNode));
  const context: MessageLowerContext = {
    has,
    code: (field) => code(node.id, field),
    negate: (field) => negate(validated, node.id, field),
    readsArgs,
    returnsTsType: () => resultType(validated, node.id),
    assignments,
    activity: (call) =>
      call
        ? {
            ir: {
              callee: callee(call),
              argsCode: activityArgsCode(specOf(call.activity), (name) => code(node.id, `activity.args.${name}`)),
              resultVariable: call.resultVariable || null,
            },
            argFields: specOf(call.activity).parameters.map((p) => `activity.args.${p.name}`),
          }
        : { ir: null, argFields: [] },
    common: (handler, how) => ({
      messageName: handler.name,
      usesArgs: readsArgs(how.bodyFields),
      constName: messageConstName(handler.name, handler.type),
      payload: payloadUse(handler, readsArgs(how.bodyFields)),
      readsWire: handler.type !== 'query' && (readsRenamed(handler.parameters) || isPositional(handler)),
      positional: isPositional(handler),
      parameterFields: tsFields(handler.parameters),
      // Positional arguments have no record interface: the definition's tuple names them.
      args: handler.parameters.length && !isPositional(handler) ? { name: argsInterfaceName(stemOf(handler)), fields: wireTsFields(handler.parameters) } : null,
      argsTuple: handler.parameters.length ? (isPositional(handler) ? argumentsTuple(handler.parameters) : `[${argsInterfaceName(stemOf(handler))}]`) : null,
      // A query maps its few arguments inline (codegen/messages/query.ts): no interface for them.
      fields:
        handler.type !== 'query' && (readsRenamed(handler.parameters) || isPositional(handler))
          ? { name: fieldsInterfaceName(stemOf(handler)), fields: tsFields(handler.parameters) }
          : null,
      description: handler.description || undefined,
      isAsync: how.activity !== null || how.waits === true,
      // State read before the activity's await and written after it would interleave with other
      // handlers: those handlers run one at a time under the mutex (6.4.5). Nothing else needs it.
      exclusive: how.activity !== null && how.changesState,
      activity: how.activity,
    }),
  };
  return messageOf(node).lower(node, context);
}

/**
 * Signals and updates with parameters check them (payload-checks.ts); queries only read state, so
 * a query's odd arguments change nothing. An update's handler fills in optional fields itself when
 * its body reads them: its validator, which checked them, does not run on replay.
 */
function payloadUse(handler: HandlerNode, bodyReadsArgs: boolean): IrPayloadUse | null {
  if (handler.type === 'query' || handler.parameters.length === 0) return null;
  const hasOptional = handler.parameters.some((p) => !p.required);
  const reads = readsRenamed(handler.parameters) || isPositional(handler);
  return {
    constName: payloadConstName(messageConstName(handler.name, handler.type)),
    // read() fills in too: a handler that maps its arguments needs no separate fillIn().
    fillsIn: handler.type === 'update' && bodyReadsArgs && hasOptional && !reads,
    reads,
  };
}

/** Whether clients send the message's parameters one argument each (a message without parameters takes none either way). */
export function isPositional(handler: HandlerNode): boolean {
  return handler.arguments === 'positional' && handler.parameters.length > 0;
}

function resultType(validated: ValidatedDesign, nodeId: string): string {
  const type = validated.expressions.get(expressionKey(nodeId, 'returns'))?.type;
  if (!type) throw new Error(`internal: ${nodeId} returns no value`);
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

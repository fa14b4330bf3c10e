import type { Diagnostic } from '../diagnostics';
import { argsInterfaceName, checkIdentifier, describeNameProblem, fieldsInterfaceName, identifierOf, isRenamed, messageConstName, type NameProblem } from '../names';
import { messageTypeStem } from '../message-names';
import { isHandlerNode, type Design, type Field, type FlowNode, type HandlerNode } from '../schema/design';
import { stepOf } from '../steps';
import type { NameChecks } from '../steps/types';
import { describeNode } from './describe';

/** Every name that becomes an identifier is valid, and no two of them collide in the generated module. */
export function checkNames(design: Design): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const problem = checkIdentifier(design.name);
  if (problem) {
    diagnostics.push({ severity: 'error', code: 'name.invalid', message: describeNameProblem('The workflow', design.name, problem), field: 'name' });
  }

  checkFieldList(design.input, 'Input field', 'input', diagnostics, undefined, { wire: true });

  const stateNames = new Map<string, string>();
  design.variables.forEach((variable, index) => {
    const field = `variables.${index}.name`;
    const problem = checkIdentifier(variable.name);
    if (problem) {
      diagnostics.push({ severity: 'error', code: 'name.invalid', message: describeNameProblem('Variable', variable.name, problem), field });
    } else if (stateNames.has(variable.name)) {
      diagnostics.push({ severity: 'error', code: 'name.duplicate', message: `Two variables are named ${JSON.stringify(variable.name)}`, field });
    }
    stateNames.set(variable.name, field);
    checkRecordFields(variable, `Variable ${JSON.stringify(variable.name)}`, `variables.${index}`, diagnostics);
  });
  design.input.forEach((field, index) => checkRecordFields(field, `Input field ${JSON.stringify(field.name)}`, `input.${index}`, diagnostics));
  // A positional input's fields are the workflow function's parameters: a variable of the same name would redeclare one.
  if (design.inputArguments === 'positional') {
    design.input.forEach((field, index) => {
      const identifier = identifierOf(field.name);
      if (stateNames.has(identifier) || identifier === 'carried') {
        diagnostics.push({
          severity: 'error',
          code: 'name.collision',
          message: `Input field ${JSON.stringify(field.name)} is a parameter ${JSON.stringify(identifier)} of the workflow function (the input travels as separate values), which is also the name of a variable; rename one of them`,
          field: `input.${index}.name`,
        });
      }
    });
  }
  for (const node of design.nodes) {
    if (isHandlerNode(node)) node.parameters.forEach((p, i) => checkRecordFields(p, `${describeNode(node)}: parameter ${JSON.stringify(p.name)}`, `parameters.${i}`, diagnostics, node.id));
  }

  const handlers = design.nodes.filter(isHandlerNode);
  const handlerNames = new Map<string, HandlerNode>();
  const handlerIdentifiers = new Map<string, HandlerNode>();
  const moduleNames = new Set<string>([design.name, `${design.name}Input`, `${design.name}InputFields`]);
  for (const handler of handlers) {
    const problem = checkIdentifier(handler.name) ?? wireProblem(handler.name);
    if (problem) {
      diagnostics.push(nodeError(handler, 'name', 'name.invalid', describeWireProblem(describeNode(handler), handler.name, problem)));
      continue;
    }
    // add_item and addItem are two wire names, but one identifier in code (addItemSignal).
    const sameIdentifier = handlerIdentifiers.get(`${handler.type}:${identifierOf(handler.name)}`);
    if (sameIdentifier && sameIdentifier.name !== handler.name) {
      diagnostics.push(
        nodeError(handler, 'name', 'name.collision', `${describeNode(handler)} ("${handler.name}") and ${describeNode(sameIdentifier)} ("${sameIdentifier.name}") would both be ${JSON.stringify(identifierOf(handler.name))} in code; rename one of them`),
      );
      continue;
    }
    handlerIdentifiers.set(`${handler.type}:${identifierOf(handler.name)}`, handler);
    // A signal and an update may share a wire name (Temporal routes each call by kind); two of one kind may not.
    const earlier = handlerNames.get(`${handler.type}:${handler.name}`);
    if (earlier) {
      diagnostics.push(
        nodeError(handler, 'name', 'name.duplicate', `${describeNode(handler)} and ${describeNode(earlier)} are both ${handler.type}s named ${JSON.stringify(handler.name)}; the names of one kind of message must be unique`),
      );
      continue;
    }
    handlerNames.set(`${handler.type}:${handler.name}`, handler);
    const stem = messageTypeStem(handler, handlers);
    const derived = [messageConstName(handler.name, handler.type), argsInterfaceName(stem), ...(handler.parameters.some((p) => isRenamed(p.name)) ? [fieldsInterfaceName(stem)] : [])];
    for (const name of derived) {
      if (stateNames.has(name) || moduleNames.has(name)) {
        diagnostics.push(nodeError(handler, 'name', 'name.collision', `${describeNode(handler)} would generate ${JSON.stringify(name)}, which is already the name of a variable or type; rename one of them`));
      }
      moduleNames.add(name);
    }
    checkFieldList(handler.parameters, `${describeNode(handler)}: parameter`, 'parameters', diagnostics, handler.id, { wire: true });
  }
  for (const node of design.nodes) {
    if (isHandlerNode(node)) continue;
    stepOf(node).validate?.names?.(node, stepNameChecks(node, diagnostics));
  }
  return diagnostics;
}

/** The name rules a flow step kind applies to its own fields (codegen/steps: `validate.names`). */
function stepNameChecks(node: FlowNode, diagnostics: Diagnostic[]): NameChecks {
  const error = (code: string, message: string, field: string): void => {
    diagnostics.push({ severity: 'error', code, message, nodeId: node.id, field });
  };
  return {
    error,
    targetName(field, what, name) {
      const problem = checkTargetName(name);
      if (problem) error('name.invalid', describeNameProblem(`${describeNode(node)}: the ${what}`, name, problem), field);
    },
    fieldList: (fields, path) => checkFieldList(fields, `${describeNode(node)}: field`, path, diagnostics, node.id),
  };
}

/**
 * `wire`: the names are wire names (the start input, a message's parameters) that generated code
 * reads under a derived identifier (codegen/names.ts: identifierOf), which must be valid and unique too.
 */
function checkFieldList(fields: Pick<Field, 'name'>[], what: string, path: string, diagnostics: Diagnostic[], nodeId?: string, how: { wire?: boolean } = {}): void {
  const seen = new Set<string>();
  const identifiers = new Map<string, string>();
  fields.forEach((field, index) => {
    const location = { field: `${path}.${index}.name`, ...(nodeId ? { nodeId } : {}) };
    const problem = checkIdentifier(field.name) ?? (how.wire ? wireProblem(field.name) : null);
    const identifier = how.wire ? identifierOf(field.name) : field.name;
    const earlier = identifiers.get(identifier);
    if (problem) {
      diagnostics.push({ severity: 'error', code: 'name.invalid', message: describeWireProblem(what, field.name, problem), ...location });
    } else if (seen.has(field.name)) {
      diagnostics.push({ severity: 'error', code: 'name.duplicate', message: `${what} ${JSON.stringify(field.name)} appears twice`, ...location });
    } else if (earlier !== undefined) {
      diagnostics.push({
        severity: 'error',
        code: 'name.collision',
        message: `${what}s ${JSON.stringify(earlier)} and ${JSON.stringify(field.name)} would both be ${JSON.stringify(identifier)} in code; rename one of them`,
        ...location,
      });
    }
    seen.add(field.name);
    identifiers.set(identifier, field.name);
  });
}

/** A problem of the identifier a wire name becomes (`new_` → `new`, reserved), tagged so the message says so. */
type WireProblem = NameProblem | `identifier-${NameProblem}`;

function wireProblem(wireName: string): WireProblem | null {
  const problem = isRenamed(wireName) ? checkIdentifier(identifierOf(wireName)) : null;
  return problem ? `identifier-${problem}` : null;
}

function describeWireProblem(what: string, name: string, problem: WireProblem): string {
  if (!problem.startsWith('identifier-')) return describeNameProblem(what, name, problem as NameProblem);
  const identifier = identifierOf(name);
  const reason = describeNameProblem(what, identifier, problem.slice('identifier-'.length) as NameProblem).replace(/^.* name "[^"]*" /, '');
  return `${what} ${JSON.stringify(name)} is read as ${JSON.stringify(identifier)} in code, which ${reason}`;
}

/** A list of records names its fields, each a valid identifier (they become property names in code). */
function checkRecordFields(
  typed: Pick<Field, 'type' | 'items' | 'itemFields'>,
  what: string,
  path: string,
  diagnostics: Diagnostic[],
  nodeId?: string,
): void {
  if (typed.type !== 'list' || typed.items !== 'object') return;
  const fields = typed.itemFields ?? [];
  if (fields.length === 0) {
    diagnostics.push({ severity: 'error', code: 'list.no-item-fields', message: `${what} is a list of objects without fields; add the fields each item has`, field: `${path}.itemFields`, ...(nodeId ? { nodeId } : {}) });
  }
  checkFieldList(fields, `${what}: item field`, `${path}.itemFields`, diagnostics, nodeId);
}

/** Another workflow's type or signal name lands in a string literal, but must still be a plain name. */
function checkTargetName(name: string): NameProblem | null {
  const problem = checkIdentifier(name);
  return problem === 'generated' || problem === 'reserved' ? null : problem;
}

function nodeError(node: HandlerNode, field: string, code: string, message: string): Diagnostic {
  return { severity: 'error', code, message, nodeId: node.id, field };
}

/** The names the generated modules already use for this design (a custom activity must not take one). */
export function moduleNames(design: Design): Set<string> {
  const names = new Set<string>([design.name, `${design.name}Input`, `${design.name}Carried`, 'activityLog', 'Context']);
  for (const variable of design.variables) names.add(variable.name);
  const handlers = design.nodes.filter(isHandlerNode);
  for (const handler of handlers) {
    names.add(messageConstName(handler.name, handler.type));
    names.add(argsInterfaceName(messageTypeStem(handler, handlers)));
    if (handler.parameters.some((p) => isRenamed(p.name))) names.add(fieldsInterfaceName(messageTypeStem(handler, handlers)));
  }
  if (design.input.some((f) => isRenamed(f.name))) names.add(`${design.name}InputFields`);
  return names;
}

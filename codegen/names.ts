/**
 * Identifier rules for names that become TypeScript identifiers in generated code, and the
 * names derived from them. Anything that fails here is reported, never "fixed" silently.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const RESERVED_WORDS = new Set([
  'abstract', 'any', 'arguments', 'as', 'async', 'await', 'boolean', 'break', 'case', 'catch', 'class',
  'const', 'constructor', 'continue', 'debugger', 'declare', 'default', 'delete', 'do', 'else', 'enum',
  'eval', 'export', 'extends', 'false', 'finally', 'for', 'from', 'function', 'get', 'globalThis', 'if',
  'implements', 'import', 'in', 'Infinity', 'instanceof', 'interface', 'is', 'keyof', 'let', 'module',
  'namespace', 'NaN', 'never', 'new', 'null', 'number', 'object', 'of', 'package', 'private', 'protected',
  'prototype', 'public', 'readonly', 'require', 'return', 'set', 'static', 'string', 'super', 'switch',
  'symbol', 'this', 'throw', 'true', 'try', 'type', 'typeof', 'undefined', 'unknown', 'var', 'void',
  'while', 'with', 'yield', '__proto__', 'Object', 'Array', 'String', 'Number', 'Boolean', 'Math',
  'Date', 'JSON', 'Promise', 'Error', 'Symbol', 'Function',
]);

/** Names the generated workflow module uses itself; state and handlers must not shadow them. */
export const GENERATED_NAMES = new Set([
  'input', 'args', 'activities', 'condition', 'setHandler', 'defineSignal', 'defineQuery', 'defineUpdate',
  'proxyActivities', 'allHandlersFinished', 'ApplicationFailure', 'sleep', 'currentStep', 'stepPath',
  'enterStep', 'step', 'designerStateQuery', 'DesignerState', 'log', 'notify', 'http',
  'Money', 'money', 'addMoney', 'subtractMoney', 'multiplyMoney', 'compareMoney', 'sumMoney',
  'Mutex', 'mutex', 'workflowInfo', 'continueAsNew', 'currentUpdateInfo',
  'executeChild', 'getExternalWorkflowHandle', 'ApplicationFailure',
  'recordStep', 'stepSearchAttribute', 'upsertSearchAttributes', 'defineSearchAttributeKey', 'SearchAttributeType',
  'stepTracker', 'trackSteps', 'wireInput', 'wireArgs',
  'failure', 'failureOf', 'err', 'ActivityFailure', 'ChildWorkflowFailure', 'TemporalFailure', 'isCancellation',
]);

export type NameProblem = 'empty' | 'too-long' | 'not-identifier' | 'reserved' | 'generated';

export function checkIdentifier(name: string): NameProblem | null {
  if (name.length === 0) return 'empty';
  if (name.length > 64) return 'too-long';
  if (!IDENTIFIER.test(name)) return 'not-identifier';
  if (RESERVED_WORDS.has(name)) return 'reserved';
  if (GENERATED_NAMES.has(name)) return 'generated';
  return null;
}

export function describeNameProblem(what: string, name: string, problem: NameProblem): string {
  const shown = JSON.stringify(name);
  switch (problem) {
    case 'empty':
      return `${what} has no name`;
    case 'too-long':
      return `${what} name ${shown} is longer than 64 characters`;
    case 'not-identifier': {
      const suggestion = suggestIdentifier(name);
      const hint = suggestion ? `; try "${suggestion}"` : '';
      return `${what} name ${shown} must start with a letter or "_" and contain only letters, digits and "_"${hint}`;
    }
    case 'reserved':
      return `${what} name ${shown} is a reserved word in TypeScript; choose another name`;
    case 'generated':
      return `${what} name ${shown} is used by the generated code itself; choose another name`;
  }
}

/** A camelCase identifier built from arbitrary text, for suggestions ("Await approval" → "awaitApproval"). */
export function suggestIdentifier(text: string): string | null {
  const words = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  const joined = words
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  const candidate = /^[0-9]/.test(joined) ? `_${joined}` : joined;
  return checkIdentifier(candidate) === null ? candidate : null;
}

export function pascalCase(identifier: string): string {
  return identifier.charAt(0).toUpperCase() + identifier.slice(1);
}

export function camelCase(identifier: string): string {
  return identifier.charAt(0).toLowerCase() + identifier.slice(1);
}

/**
 * Wire names. A message's or field's `name` in a design is its wire name: what clients send and
 * see (`approve`, `approver_name`, `get_status`), whatever language they are written in. Generated
 * TypeScript reads it under an idiomatic camelCase identifier derived from it: approver_name →
 * approverName. A name without "_" is its own identifier, so designs written in camelCase
 * generate exactly what they did before wire names existed. Record fields inside lists are data
 * and keep their names everywhere.
 */
export function identifierOf(wireName: string): string {
  const words = wireName.split('_').filter(Boolean);
  if (words.length <= 1 || !/^[A-Za-z]/.test(words[0])) return wireName;
  return words
    .map((word, i) => {
      // SHOUTING_CASE reads as words, not as acronyms glued together: MAX_COUNT → maxCount.
      const plain = /^[A-Z0-9]+$/.test(word) ? word.toLowerCase() : word;
      return i === 0 ? camelCase(plain) : pascalCase(plain);
    })
    .join('');
}

/** Whether generated code reads this wire name under another identifier (so it maps the payload). */
export function isRenamed(wireName: string): boolean {
  return identifierOf(wireName) !== wireName;
}

/** The constant a message definition gets: approve → approveSignal, get_status → getStatusQuery. */
export function messageConstName(name: string, kind: 'signal' | 'query' | 'update'): string {
  return `${camelCase(identifierOf(name))}${pascalCase(kind)}`;
}

/** The arguments of a handler as the workflow reads them: approve → ApproveArgs, add_item → AddItemArgs. */
export function argsInterfaceName(name: string): string {
  return `${pascalCase(identifierOf(name))}Args`;
}

/**
 * The arguments under their identifiers, when some field's wire name differs: add_item → AddItemFields.
 * `<Name>Args` stays what clients send (wire names as keys): the exported client and defineSignal use it.
 */
export function fieldsInterfaceName(name: string): string {
  return `${pascalCase(identifierOf(name))}Fields`;
}

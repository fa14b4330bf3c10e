import type { PrimitiveKind } from './types';

/**
 * What a parameter accepts: one primitive type, any primitive (for `str`), or one of the
 * generic shapes the checker resolves itself:
 * - 'text-or-list': a string or a list (len)
 * - 'list':         any list (contains, append)
 * - 'item':         a value of the preceding list's item type (contains, append)
 * - 'numeric-list': a list of numbers or of money (sum)
 * - 'money':        an amount of money (formatMoney)
 * - 'lambda':       `item => …`, run for each item of the list before it (filter, map, count, …)
 */
export type ParamType = PrimitiveKind | 'primitive' | 'text-or-list' | 'list' | 'item' | 'numeric-list' | 'money' | 'lambda';

/**
 * What a call returns: a fixed type, the list it was given, the item type of its list, money, or
 * (`computed`) what the checker works out from the arguments (map, sum with a function).
 */
export type ReturnType = PrimitiveKind | 'money' | 'same-list' | 'list-item' | 'computed';

/**
 * How a call is written in TypeScript. Every form is fixed text chosen here; only the
 * arguments (themselves emitted from the AST) vary.
 * - property: `arg0.name`           (len → `s.length`)
 * - method:   `arg0.name(arg1, …)`  (lower → `s.toLowerCase()`)
 * - global:   `name(arg0, …)`       (round → `Math.round(n)`)
 * - append:   `[...arg0, arg1]`     (a new list: state is never mutated in place)
 * - sum:      `arg0.reduce((total, n) => total + n, 0)`, or `sumMoney(arg0)` for money
 */
export type EmitForm =
  | { form: 'property'; name: 'length' }
  | { form: 'method'; name: 'toLowerCase' | 'toUpperCase' | 'trim' | 'includes' | 'startsWith' }
  | { form: 'global'; name: 'String' | 'Math.round' | 'Math.floor' | 'Math.ceil' | 'Math.abs' | 'Math.min' | 'Math.max' | 'money' }
  | { form: 'append' }
  /** `workflowInfo().name`: what Temporal knows about this run (deterministic, replay-safe). */
  | { form: 'info'; name: 'historyLength' | 'continueAsNewSuggested' | 'workflowId' }
  /** `(currentUpdateInfo()?.id ?? '')`: the id of the update being handled ('' elsewhere). */
  | { form: 'updateId' }
  /** `arg0[0]` and `arg0.slice(1)`: the head of a queue and the rest (check len(list) > 0 first). */
  | { form: 'first' }
  | { form: 'rest' }
  /** `arg0.slice(arg1[, arg2])`: Python's text[start:end], negative indexes counting from the end. */
  | { form: 'slice' }
  /** `arg0.replaceAll(arg1, () => arg2)`: every occurrence, as Python's str.replace; a function, so `$&` in the new text stays literal. */
  | { form: 'replace' }
  | { form: 'sum' }
  /** `arg0.<method>((item) => body)`; count is `arg0.filter(…).length`; sum maps, then adds. */
  | { form: 'lambda'; method: 'filter' | 'map' | 'some' | 'every' | 'count' | 'sum' }
  /** The workflow's clock, deterministic in Temporal's workflow sandbox: `new Date().toISOString()`. */
  | { form: 'now' }
  /** `(Date.parse(arg1) - Date.parse(arg0)) / 1000`: seconds from one instant to another. */
  | { form: 'secondsBetween' }
  /** `new Date(Date.parse(arg0) + arg1 * 1000).toISOString()`: an instant some seconds later. */
  | { form: 'addSeconds' };

export interface FunctionSpec {
  params: readonly ParamType[];
  /** How many leading arguments are required (all of them unless said): sum(list[, item => …]), slice(text, start[, end]). */
  required?: number;
  returns: ReturnType;
  emit: EmitForm;
  /** How it is called, for the designer's completion list. */
  signature: string;
}

const FUNCTION_TABLE = {
  len: { params: ['text-or-list'], returns: 'number', emit: { form: 'property', name: 'length' }, signature: 'len(text or list) → number' },
  lower: { params: ['string'], returns: 'string', emit: { form: 'method', name: 'toLowerCase' }, signature: 'lower(text) → text' },
  upper: { params: ['string'], returns: 'string', emit: { form: 'method', name: 'toUpperCase' }, signature: 'upper(text) → text' },
  trim: { params: ['string'], returns: 'string', emit: { form: 'method', name: 'trim' }, signature: 'trim(text) → text' },
  contains: { params: ['text-or-list', 'item'], returns: 'boolean', emit: { form: 'method', name: 'includes' }, signature: 'contains(text or list, value) → boolean' },
  startsWith: { params: ['string', 'string'], returns: 'boolean', emit: { form: 'method', name: 'startsWith' }, signature: 'startsWith(text, prefix) → boolean' },
  slice: { params: ['string', 'number', 'number'], required: 2, returns: 'string', emit: { form: 'slice' }, signature: 'slice(text, start[, end]) → text, as Python\'s text[start:end] (slice(token, -16): the last 16 characters)' },
  replace: { params: ['string', 'string', 'string'], returns: 'string', emit: { form: 'replace' }, signature: 'replace(text, old, new) → text with every old replaced by new' },
  str: { params: ['primitive'], returns: 'string', emit: { form: 'global', name: 'String' }, signature: 'str(value) → text' },
  round: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.round' }, signature: 'round(number) → number' },
  floor: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.floor' }, signature: 'floor(number) → number' },
  ceil: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.ceil' }, signature: 'ceil(number) → number' },
  abs: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.abs' }, signature: 'abs(number) → number' },
  min: { params: ['number', 'number'], returns: 'number', emit: { form: 'global', name: 'Math.min' }, signature: 'min(a, b) → number' },
  max: { params: ['number', 'number'], returns: 'number', emit: { form: 'global', name: 'Math.max' }, signature: 'max(a, b) → number' },
  append: { params: ['list', 'item'], returns: 'same-list', emit: { form: 'append' }, signature: 'append(list, item) → list' },
  sum: { params: ['numeric-list', 'lambda'], required: 1, returns: 'computed', emit: { form: 'sum' }, signature: 'sum(list) or sum(list, item => amount) → number or money' },
  first: { params: ['list'], returns: 'list-item', emit: { form: 'first' }, signature: 'first(list) → item' },
  rest: { params: ['list'], returns: 'same-list', emit: { form: 'rest' }, signature: 'rest(list) → list' },
  money: { params: ['string'], returns: 'money', emit: { form: 'global', name: 'money' }, signature: 'money("12.50") → money' },
  historyLength: { params: [], returns: 'number', emit: { form: 'info', name: 'historyLength' }, signature: 'historyLength() → number' },
  continueAsNewSuggested: { params: [], returns: 'boolean', emit: { form: 'info', name: 'continueAsNewSuggested' }, signature: 'continueAsNewSuggested() → boolean' },
  workflowId: { params: [], returns: 'string', emit: { form: 'info', name: 'workflowId' }, signature: 'workflowId() → text' },
  updateId: { params: [], returns: 'string', emit: { form: 'updateId' }, signature: 'updateId() → text' },
  filter: { params: ['list', 'lambda'], returns: 'same-list', emit: { form: 'lambda', method: 'filter' }, signature: 'filter(list, item => condition) → list' },
  map: { params: ['list', 'lambda'], returns: 'computed', emit: { form: 'lambda', method: 'map' }, signature: 'map(list, item => value) → list' },
  count: { params: ['list', 'lambda'], returns: 'number', emit: { form: 'lambda', method: 'count' }, signature: 'count(list, item => condition) → number' },
  any: { params: ['list', 'lambda'], returns: 'boolean', emit: { form: 'lambda', method: 'some' }, signature: 'any(list, item => condition) → boolean' },
  all: { params: ['list', 'lambda'], returns: 'boolean', emit: { form: 'lambda', method: 'every' }, signature: 'all(list, item => condition) → boolean' },
  formatMoney: { params: ['money'], returns: 'string', emit: { form: 'global', name: 'money' }, signature: 'formatMoney(amount) → text such as "1359.97"' },
  now: { params: [], returns: 'string', emit: { form: 'now' }, signature: 'now() → the workflow\'s time, as ISO-8601 text' },
  secondsBetween: { params: ['string', 'string'], returns: 'number', emit: { form: 'secondsBetween' }, signature: 'secondsBetween(from, to) → seconds between two instants' },
  addSeconds: { params: ['string', 'number'], returns: 'string', emit: { form: 'addSeconds' }, signature: 'addSeconds(instant, seconds) → instant' },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTION_TABLE;

export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSpec>> = FUNCTION_TABLE;

/** The allowed function names, in the order they are documented. */
export const FUNCTION_NAMES: readonly FunctionName[] = Object.keys(FUNCTION_TABLE) as FunctionName[];

/** The functions whose last argument is `item => …`. */
export const LAMBDA_FUNCTION_NAMES: readonly FunctionName[] = FUNCTION_NAMES.filter((name) => FUNCTIONS[name].params.includes('lambda'));

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTION_TABLE, name);
}

/** The money helpers generated code may call; emitted into money.ts and imported from there. */
export const MONEY_HELPERS = ['addMoney', 'compareMoney', 'money', 'multiplyMoney', 'subtractMoney', 'sumMoney'] as const;
export type MoneyHelper = (typeof MONEY_HELPERS)[number];

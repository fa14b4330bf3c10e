import type { PrimitiveKind } from './types';

/**
 * What a parameter accepts: one primitive type, any primitive (for `str`), or one of the
 * generic shapes the checker resolves itself:
 * - 'text-or-list': a string or a list (len)
 * - 'list':         any list (contains, append)
 * - 'item':         a value of the preceding list's item type (contains, append)
 * - 'numeric-list': a list of numbers or of money (sum)
 */
export type ParamType = PrimitiveKind | 'primitive' | 'text-or-list' | 'list' | 'item' | 'numeric-list';

/** What a call returns: a fixed type, the list it was given, the item type of its list, or money. */
export type ReturnType = PrimitiveKind | 'money' | 'same-list' | 'list-item';

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
  | { form: 'sum' };

export interface FunctionSpec {
  params: readonly ParamType[];
  returns: ReturnType;
  emit: EmitForm;
}

const FUNCTION_TABLE = {
  len: { params: ['text-or-list'], returns: 'number', emit: { form: 'property', name: 'length' } },
  lower: { params: ['string'], returns: 'string', emit: { form: 'method', name: 'toLowerCase' } },
  upper: { params: ['string'], returns: 'string', emit: { form: 'method', name: 'toUpperCase' } },
  trim: { params: ['string'], returns: 'string', emit: { form: 'method', name: 'trim' } },
  contains: { params: ['text-or-list', 'item'], returns: 'boolean', emit: { form: 'method', name: 'includes' } },
  startsWith: { params: ['string', 'string'], returns: 'boolean', emit: { form: 'method', name: 'startsWith' } },
  str: { params: ['primitive'], returns: 'string', emit: { form: 'global', name: 'String' } },
  round: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.round' } },
  floor: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.floor' } },
  ceil: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.ceil' } },
  abs: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.abs' } },
  min: { params: ['number', 'number'], returns: 'number', emit: { form: 'global', name: 'Math.min' } },
  max: { params: ['number', 'number'], returns: 'number', emit: { form: 'global', name: 'Math.max' } },
  append: { params: ['list', 'item'], returns: 'same-list', emit: { form: 'append' } },
  sum: { params: ['numeric-list'], returns: 'list-item', emit: { form: 'sum' } },
  first: { params: ['list'], returns: 'list-item', emit: { form: 'first' } },
  rest: { params: ['list'], returns: 'same-list', emit: { form: 'rest' } },
  money: { params: ['string'], returns: 'money', emit: { form: 'global', name: 'money' } },
  historyLength: { params: [], returns: 'number', emit: { form: 'info', name: 'historyLength' } },
  continueAsNewSuggested: { params: [], returns: 'boolean', emit: { form: 'info', name: 'continueAsNewSuggested' } },
  workflowId: { params: [], returns: 'string', emit: { form: 'info', name: 'workflowId' } },
  updateId: { params: [], returns: 'string', emit: { form: 'updateId' } },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTION_TABLE;

export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSpec>> = FUNCTION_TABLE;

/** The allowed function names, in the order they are documented. */
export const FUNCTION_NAMES: readonly FunctionName[] = Object.keys(FUNCTION_TABLE) as FunctionName[];

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTION_TABLE, name);
}

/** The money helpers generated code may call; emitted into money.ts and imported from there. */
export const MONEY_HELPERS = ['addMoney', 'compareMoney', 'money', 'multiplyMoney', 'subtractMoney', 'sumMoney'] as const;
export type MoneyHelper = (typeof MONEY_HELPERS)[number];

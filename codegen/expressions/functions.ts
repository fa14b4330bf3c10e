import type { PrimitiveKind } from './types';

/** What a parameter accepts: one primitive type, or any primitive (for `str`). */
export type ParamType = PrimitiveKind | 'primitive';

/**
 * How a call is written in TypeScript. Every form is fixed text chosen here; only the
 * arguments (themselves emitted from the AST) vary.
 * - property: `arg0.name`           (len → `s.length`)
 * - method:   `arg0.name(arg1, …)`  (lower → `s.toLowerCase()`)
 * - global:   `name(arg0, …)`       (round → `Math.round(n)`)
 */
export type EmitForm =
  | { form: 'property'; name: 'length' }
  | { form: 'method'; name: 'toLowerCase' | 'toUpperCase' | 'trim' | 'includes' | 'startsWith' }
  | { form: 'global'; name: 'String' | 'Math.round' | 'Math.floor' | 'Math.ceil' | 'Math.abs' | 'Math.min' | 'Math.max' };

export interface FunctionSpec {
  params: readonly ParamType[];
  returns: PrimitiveKind;
  emit: EmitForm;
}

const FUNCTION_TABLE = {
  len: { params: ['string'], returns: 'number', emit: { form: 'property', name: 'length' } },
  lower: { params: ['string'], returns: 'string', emit: { form: 'method', name: 'toLowerCase' } },
  upper: { params: ['string'], returns: 'string', emit: { form: 'method', name: 'toUpperCase' } },
  trim: { params: ['string'], returns: 'string', emit: { form: 'method', name: 'trim' } },
  contains: { params: ['string', 'string'], returns: 'boolean', emit: { form: 'method', name: 'includes' } },
  startsWith: { params: ['string', 'string'], returns: 'boolean', emit: { form: 'method', name: 'startsWith' } },
  str: { params: ['primitive'], returns: 'string', emit: { form: 'global', name: 'String' } },
  round: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.round' } },
  floor: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.floor' } },
  ceil: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.ceil' } },
  abs: { params: ['number'], returns: 'number', emit: { form: 'global', name: 'Math.abs' } },
  min: { params: ['number', 'number'], returns: 'number', emit: { form: 'global', name: 'Math.min' } },
  max: { params: ['number', 'number'], returns: 'number', emit: { form: 'global', name: 'Math.max' } },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTION_TABLE;

export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSpec>> = FUNCTION_TABLE;

/** The allowed function names, in the order they are documented. */
export const FUNCTION_NAMES: readonly FunctionName[] = Object.keys(FUNCTION_TABLE) as FunctionName[];

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTION_TABLE, name);
}

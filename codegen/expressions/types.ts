/** The types of the expression language: three primitives and read-only records of them. */
export type ExprType =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'object'; fields: Record<string, ExprType> };

export type PrimitiveKind = 'string' | 'number' | 'boolean';
export type PrimitiveType = Extract<ExprType, { kind: PrimitiveKind }>;

/** The names an expression may read: state variables, plus `input` and `args` as objects. */
export interface Scope {
  names: Record<string, ExprType>;
}

export const STRING: PrimitiveType = { kind: 'string' };
export const NUMBER: PrimitiveType = { kind: 'number' };
export const BOOLEAN: PrimitiveType = { kind: 'boolean' };

export function primitive(kind: PrimitiveKind): PrimitiveType {
  return kind === 'string' ? STRING : kind === 'number' ? NUMBER : BOOLEAN;
}

export function isPrimitive(t: ExprType): t is PrimitiveType {
  return t.kind !== 'object';
}

/** Field names of an object type, in a stable (sorted) order. */
export function fieldNames(t: Extract<ExprType, { kind: 'object' }>): string[] {
  return Object.keys(t.fields).sort();
}

/** 'string', 'number', 'boolean', '{ requestId: string }' (fields sorted, so output is stable). */
export function formatType(t: ExprType): string {
  if (t.kind !== 'object') return t.kind;
  const names = fieldNames(t);
  if (names.length === 0) return '{}';
  return `{ ${names.map((n) => `${n}: ${formatType(t.fields[n])}`).join('; ')} }`;
}

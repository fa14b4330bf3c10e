/**
 * The types of the expression language: primitives, exact money amounts, lists and read-only
 * records. A list whose item type is not known yet (the literal `[]`) has `item: null`.
 */
export type ExprType =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'money' }
  | { kind: 'list'; item: ExprType | null }
  /** `optional`: the fields a record may leave out (a field written `cond ? value : none`), sorted. */
  | { kind: 'object'; fields: Record<string, ExprType>; optional?: readonly string[] };

export type PrimitiveKind = 'string' | 'number' | 'boolean';
export type PrimitiveType = Extract<ExprType, { kind: PrimitiveKind }>;
/** A value that can be used directly: anything but a whole record. */
export type ValueExprType = Exclude<ExprType, { kind: 'object' }>;
export type ListType = Extract<ExprType, { kind: 'list' }>;
export type ObjectType = Extract<ExprType, { kind: 'object' }>;

/** The names an expression may read: state variables, plus `input` and `args` as objects. */
export interface Scope {
  names: Record<string, ExprType>;
}

export const STRING: PrimitiveType = { kind: 'string' };
export const NUMBER: PrimitiveType = { kind: 'number' };
export const BOOLEAN: PrimitiveType = { kind: 'boolean' };
export const MONEY: ExprType = { kind: 'money' };

export function primitive(kind: PrimitiveKind): PrimitiveType {
  return kind === 'string' ? STRING : kind === 'number' ? NUMBER : BOOLEAN;
}

export function isPrimitive(t: ExprType): t is PrimitiveType {
  return t.kind === 'string' || t.kind === 'number' || t.kind === 'boolean';
}

/** Field names of an object type, in a stable (sorted) order. */
export function fieldNames(t: ObjectType): string[] {
  return Object.keys(t.fields).sort();
}

/** 'string', 'money', 'list of number', '{ requestId: string }' (fields sorted, so output is stable). */
/** Whether a value of this type holds Money anywhere (so the file spelling it imports the type). */
export function mentionsMoney(t: ExprType | null): boolean {
  if (!t) return false;
  if (t.kind === 'money') return true;
  if (t.kind === 'list') return mentionsMoney(t.item);
  if (t.kind === 'object') return Object.values(t.fields).some(mentionsMoney);
  return false;
}

export function formatType(t: ExprType): string {
  if (t.kind === 'list') return t.item ? `list of ${formatType(t.item)}` : 'empty list';
  if (t.kind !== 'object') return t.kind;
  const names = fieldNames(t);
  if (names.length === 0) return '{}';
  return `{ ${names.map((n) => `${n}${isOptional(t, n) ? '?' : ''}: ${formatType(t.fields[n])}`).join('; ')} }`;
}

/** Whether a value of type `got` may be stored where `want` is expected (`[]` fits any list). */
export function assignable(got: ExprType, want: ExprType): boolean {
  if (got.kind === 'list' && want.kind === 'list') {
    if (got.item === null) return true;
    return want.item !== null && assignable(got.item, want.item) && assignable(want.item, got.item);
  }
  if (got.kind === 'object' && want.kind === 'object') {
    const a = fieldNames(got);
    const b = fieldNames(want);
    return a.length === b.length && a.every((name, i) => name === b[i] && isOptional(got, name) === isOptional(want, name) && assignable(got.fields[name], want.fields[name]));
  }
  return got.kind === want.kind;
}

/** Whether a record may leave this field out (`{vp: needed ? status : none}`). */
export function isOptional(t: ObjectType, field: string): boolean {
  return t.optional?.includes(field) ?? false;
}

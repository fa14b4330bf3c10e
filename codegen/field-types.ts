import type { ExprType } from './expressions';
import { FORBIDDEN_PROPERTIES, isIdentifier } from './expressions/identifiers';
import type { Field, RecordField, ScalarType, Variable } from './schema/design';

/**
 * The types a design declares (fields, variables) as the expression checker sees them and as
 * generated TypeScript spells them. Money is `Money` (an exact decimal string from money.ts).
 */
type Typed = Pick<Field, 'type' | 'items' | 'itemFields'> | Pick<Variable, 'type' | 'items' | 'itemFields'>;

export function fieldExprType(field: Typed): ExprType {
  if (field.type !== 'list') return { kind: field.type };
  if (field.items === 'object') return { kind: 'list', item: recordExprType(field.itemFields ?? []) };
  return { kind: 'list', item: { kind: field.items ?? 'string' } };
}

function recordExprType(fields: RecordField[]): ExprType {
  const shape: Record<string, ExprType> = {};
  for (const f of fields.filter((f) => isFieldName(f.name))) shape[f.name] = { kind: f.type };
  return { kind: 'object', fields: shape };
}

/**
 * Whether a field name can be read in an expression. Invalid names are reported by name
 * validation; leaving them out of the scope keeps them away from the emitter.
 */
export function isFieldName(name: string): boolean {
  return isIdentifier(name) && !FORBIDDEN_PROPERTIES.has(name);
}

export function scalarTsType(type: ScalarType): string {
  return type === 'money' ? 'Money' : type;
}

/** `string`, `Money`, `string[]`, `{ sku: string; price: Money }[]`. */
export function fieldTsType(field: Typed): string {
  if (field.type !== 'list') return scalarTsType(field.type);
  if (field.items === 'object') {
    const fields = (field.itemFields ?? []).map((f) => `${f.name}: ${scalarTsType(f.type)}`);
    return `{ ${fields.join('; ')} }[]`;
  }
  return `${scalarTsType(field.items ?? 'string')}[]`;
}

/** Whether a declared type mentions money anywhere (so generated code imports money.ts). */
export function usesMoney(field: Typed): boolean {
  return field.type === 'money' || field.items === 'money' || (field.items === 'object' && (field.itemFields ?? []).some((f) => f.type === 'money'));
}

/** How TypeScript spells a type the expression checker inferred (for handler results). */
export function exprTsType(type: ExprType): string {
  switch (type.kind) {
    case 'money':
      return 'Money';
    case 'list':
      return type.item ? `${exprTsType(type.item).includes(' ') ? `(${exprTsType(type.item)})` : exprTsType(type.item)}[]` : 'never[]';
    case 'object': {
      const fields = Object.keys(type.fields).map((name) => `${name}${type.optional?.includes(name) ? '?' : ''}: ${exprTsType(type.fields[name])}`);
      return `{ ${fields.join('; ')} }`;
    }
    default:
      return type.kind;
  }
}

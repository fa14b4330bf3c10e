import { camelCase, identifierOf, isRenamed } from '../names';
import { fieldTsType } from '../field-types';
import type { Design, Field } from '../schema/design';
import type { IrPayload } from './types';

/**
 * The payload checks of payload-checks.ts (templates/payload-checks.ts.hbs): each payload the
 * workflow receives — the start input, a signal's or update's arguments — with its declared fields
 * as data the generated Payload class checks against.
 */

/** The constant checking the start input. */
export const INPUT_PAYLOAD = 'inputPayload';

/** approve (signal) → approveSignalPayload */
export function payloadConstName(messageConstName: string): string {
  return `${camelCase(messageConstName)}Payload`;
}

/**
 * `fieldsType`: the interface read() returns when some field's wire name differs from its
 * identifier (null: the workflow reads the payload as sent). Fields are keyed by wire name, so a
 * refusal names the field the client sent; `as` gives the identifier the workflow reads it under.
 */
export function lowerPayload(constName: string, kind: 'input' | 'signal' | 'update', name: string, fields: Field[], fieldsType: string | null = null, positional = false): IrPayload {
  return {
    constName,
    positional,
    kindLiteral: quote(kind),
    nameLiteral: quote(name),
    fieldsType,
    fields: fields.map((field) => ({ name: field.name, ruleCode: ruleCode(field) })),
  };
}

/** Whether a payload with these fields is read under other names than the wire's (so it is mapped). */
export function readsRenamed(fields: Pick<Field, 'name'>[]): boolean {
  return fields.some((field) => isRenamed(field.name));
}

/**
 * The arguments as a labeled tuple, one element per field in order: `[approver: string, comment?: string]`.
 * A field is optional (`?`) only when every field after it is too: a tuple has its optional elements last.
 */
export function argumentsTuple(fields: Field[]): string {
  const elements = fields.map((field, index) => {
    const optional = fields.slice(index).every((f) => !f.required);
    return `${identifierOf(field.name)}${optional ? '?' : ''}: ${fieldTsType(field)}`;
  });
  return `[${elements.join(', ')}]`;
}

/** Whether the workflow is started with one argument per input field (`run(request_id)`), not one record. */
export function isPositionalInput(design: Pick<Design, 'input' | 'inputArguments'>): boolean {
  return design.inputArguments === 'positional' && design.input.length > 0;
}

/**
 * The workflow function's parameters for a positional input, one per field under its identifier:
 * `requestId: string`, `maxAmount?: Money` (optional only when every later field is too).
 */
export function positionalInputParameters(fields: Field[]): string[] {
  return fields.map((field, index) => {
    const optional = fields.slice(index).every((f) => !f.required);
    return `${identifierOf(field.name)}${optional ? '?' : ''}: ${fieldTsType(field)}`;
  });
}

/** `{ type: 'list', items: { sku: 'string', price: 'money' }, required: true }`; `as: 'approverName'` when renamed. */
function ruleCode(field: Field): string {
  const parts = [`type: ${quote(field.type)}`];
  if (field.type === 'list') {
    const items =
      field.items === 'object'
        ? `{ ${(field.itemFields ?? []).map((f) => `${f.name}: ${quote(f.type)}`).join(', ')} }`
        : quote(field.items ?? 'string');
    parts.push(`items: ${items}`);
  }
  if (field.required) parts.push('required: true');
  if (isRenamed(field.name)) parts.push(`as: ${quote(identifierOf(field.name))}`);
  return `{ ${parts.join(', ')} }`;
}

/** A string literal of a checked name or type (the formatter gives it the code's quote style). */
function quote(text: string): string {
  return JSON.stringify(text);
}

import type { ActivitySpec } from '../activities';
import { fieldTsType, scalarTsType } from '../field-types';
import type { Duration, Field, TypedArgument } from '../schema/design';
import { identifierOf } from '../names';
import type { ArgumentShape } from '../validate/target-arguments';
import type { TsInterface } from './types';

/** Small pieces of generated code shared by the steps' lowerings (codegen/steps) and the handlers'. */

/** `{ amount: 1, unit: 'minutes' }` → `"1 minute"` */
export function durationLiteral(duration: Duration): string {
  const unit = duration.amount === 1 ? duration.unit.slice(0, -1) : duration.unit;
  return JSON.stringify(`${duration.amount} ${unit}`);
}

const UNIT_MS: Record<Duration['unit'], number> = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** A duration in milliseconds, to compare two. */
export function durationMs(duration: Duration): number {
  return duration.amount * UNIT_MS[duration.unit];
}

/** The one object argument of an activity call, `{ a: <code>, b: <code> }`; nothing for an activity without parameters. */
export function activityArgsCode(spec: ActivitySpec, argCode: (parameter: string) => string): string {
  return spec.parameters.length ? `{ ${spec.parameters.map((p) => `${p.name}: ${argCode(p.name)}`).join(', ')} }` : '';
}

/** A payload written field by field: its type `{ a: string }` and value `{ a: <code> }` (null when empty). */
export function typedObject(fields: TypedArgument[], valueCode: (index: number) => string): { type: string | null; value: string | null } {
  if (fields.length === 0) return { type: null, value: null };
  return {
    type: `{ ${fields.map((f) => `${f.name}: ${scalarTsType(f.type)}`).join('; ')} }`,
    value: `{ ${fields.map((f, i) => `${f.name}: ${valueCode(i)}`).join(', ')} }`,
  };
}

/**
 * What a caller sends a target that takes separate arguments: the values in the target's order, as
 * a labeled tuple type `[taskId: string, priority: number]`'s elements and the arguments' code.
 */
export function positionalArguments(values: TypedArgument[], target: ArgumentShape, valueCode: (index: number) => string): { type: string; value: string } {
  const ordered = inPositionalOrder(values, target);
  return {
    type: ordered.map(({ value }) => `${identifierOf(value.name)}: ${scalarTsType(value.type)}`).join(', '),
    value: ordered.map(({ index }) => valueCode(index)).join(', '),
  };
}

/** The caller's values in the positional target's order (every one names a field: codegen/validate/target-arguments.ts checks). */
function inPositionalOrder(values: readonly TypedArgument[], target: ArgumentShape): { value: TypedArgument; index: number }[] {
  return target.fields.flatMap((field) => {
    const index = values.findIndex((v) => v.name === field.name);
    return index < 0 ? [] : [{ value: values[index]!, index }];
  });
}

/** Fields as the workflow reads them: under their identifiers (approver_name → approverName). */
export function tsFields(fields: Field[]): TsInterface['fields'] {
  return fields.map((f) => ({ name: identifierOf(f.name), tsType: fieldTsType(f), label: f.label || undefined }));
}

/** Fields as clients send them: under their wire names (codegen/names.ts: identifierOf). */
export function wireTsFields(fields: Field[]): TsInterface['fields'] {
  return fields.map((f) => ({ name: f.name, tsType: fieldTsType(f), label: f.label || undefined }));
}

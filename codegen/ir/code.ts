import type { ActivitySpec } from '../activities';
import { fieldTsType, scalarTsType } from '../field-types';
import type { Duration, Field, TypedArgument } from '../schema/design';
import { identifierOf } from '../names';
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

/** Fields as the workflow reads them: under their identifiers (approver_name → approverName). */
export function tsFields(fields: Field[]): TsInterface['fields'] {
  return fields.map((f) => ({ name: identifierOf(f.name), tsType: fieldTsType(f), label: f.label || undefined }));
}

/** Fields as clients send them: under their wire names (codegen/names.ts: identifierOf). */
export function wireTsFields(fields: Field[]): TsInterface['fields'] {
  return fields.map((f) => ({ name: f.name, tsType: fieldTsType(f), label: f.label || undefined }));
}

import 'server-only';
import type { Arguments, Field } from '@/codegen/design';
import { InputError } from '../errors';
import { checkFields } from '../fields';

/**
 * How Signalbox's own send paths (the REST API, the monitor's message form, signal/update-with-
 * start) pass a payload the way the design declares it travels (codegen/schema/parts.ts
 * ArgumentsSchema): one record of named fields, or — `positional` — one argument per field in
 * order, as the chapter's clients send them (`approve("Alice", "ok")`, `run("REQ-1")`). Callers may
 * give either the record (fields by wire name) or, for a positional payload, the list of values.
 */
export function travellingArgs({ fields, arguments: travels, value, what }: { fields: readonly Field[]; arguments: Arguments | undefined; value: unknown; what: string }): MessageArgs {
  const positional = travels === 'positional' && fields.length > 0;
  const checked = checkFields({ fields, value: positional ? recordOf(fields, value, what) : value, what });
  if (fields.length === 0) return [];
  if (!positional) return [checked];
  const [first, ...rest] = fields.map((field) => checked[field.name]);
  return [first, ...rest];
}

/** No arguments, or at least one (the SDK's update calls tell the two apart by type). */
export type MessageArgs = [] | [unknown, ...unknown[]];

export function hasArgs(args: MessageArgs): args is [unknown, ...unknown[]] {
  return args.length > 0;
}

/** The checked record a positional list stands for: the i-th value is the i-th field's. */
function recordOf(fields: readonly Field[], value: unknown, what: string): unknown {
  if (!Array.isArray(value)) return value;
  if (value.length > fields.length) {
    const expected = fields.map((f) => f.name).join(', ');
    throw new InputError(`Extra argument ${fields.length + 1} in ${what}: it takes ${fields.length} (${expected})`, 'input.unknown-field', `argument ${fields.length + 1}`);
  }
  const record: Record<string, unknown> = {};
  value.forEach((item: unknown, index) => {
    record[fields[index].name] = item;
  });
  return record;
}

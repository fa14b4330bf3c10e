'use client';
import type { Arguments, Field } from '@/codegen/design';
import { SelectInput } from './inputs';

const OPTIONS: { value: Arguments; label: string }[] = [
  { value: 'record', label: 'One record' },
  { value: 'positional', label: 'Separate values' },
];

/**
 * How clients pass a message's parameters (or the workflow's input): one record of named fields,
 * or one argument per field in order — the chapter's approve("Alice", "ok"), run("REQ-1"). The
 * hint shows the call a client makes with the current fields.
 */
export function ArgumentsChoice({ path, name, fields, value, onChange }: {
  path: string;
  /** The message's wire name, or the workflow's ("run"). */
  name: string;
  fields: Field[];
  value: Arguments | undefined;
  onChange: (value: Arguments | undefined) => void;
}) {
  const chosen = value ?? 'record';
  return (
    <SelectInput path={path} label="Arguments" value={chosen} options={OPTIONS}
      hint={fields.length ? <>Clients call <code data-testid={`call-${path}`}>{callShape(name, fields, chosen)}</code></> : 'Takes no arguments either way.'}
      // The default is left out of the design: a design without the choice reads as before.
      onChange={(next) => onChange(next === 'record' ? undefined : next)} />
  );
}

/** `approve({ approver, comment })` or `approve(approver, comment)`. */
export function callShape(name: string, fields: Pick<Field, 'name'>[], travels: Arguments): string {
  const names = fields.map((f) => f.name || '…').join(', ');
  return travels === 'positional' ? `${name || '…'}(${names})` : `${name || '…'}({ ${names} })`;
}

'use client';
import { useDesignerStore } from '../DesignerStoreProvider';
import { Checkbox } from './inputs';
import type { FormProps } from './forms';

/** Which variables the next run starts with; the others start again from their initial values. */
export function ContinueAsNewForm({ data, patch }: FormProps<'continueAsNew'>) {
  const variables = useDesignerStore((s) => s.workflow.variables);
  const names = variables.map((v) => v.name).filter(Boolean);
  const toggle = (name: string, carried: boolean) =>
    patch({ carry: carried ? names.filter((n) => n === name || data.carry.includes(n)) : data.carry.filter((n) => n !== name) });
  return (
    <div className="field">
      <span className="field__label">Carry into the next run</span>
      {names.length === 0 && <p className="muted small">No variables to carry: the next run starts from the initial values.</p>}
      {names.map((name) => (
        <Checkbox key={name} path={`carry.${name}`} label={name} checked={data.carry.includes(name)} onChange={(c) => toggle(name, c)} />
      ))}
      <p className="muted small">The run waits for its handlers to finish, then continues as new with the same input. Carry anything a message may have changed meanwhile.</p>
    </div>
  );
}

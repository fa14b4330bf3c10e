'use client';
import type { ValidatorRule } from '@/codegen/design';
import { TextInput } from './inputs';
import { ListSection, removeAt, replaceAt } from './ListSection';

/** Update validator rules: the update is rejected with `message` when `condition` is false. */
export function ValidatorsEditor({ rules, onChange, path = 'validators', title = 'Validator rules', empty = 'Every update is accepted.' }:
  { rules: ValidatorRule[]; onChange: (r: ValidatorRule[]) => void; path?: string; title?: string; empty?: string }) {
  return (
    <ListSection title={title} path={path} items={rules} addLabel="Add rule"
      empty={empty}
      onAdd={() => onChange([...rules, { condition: '', message: '' }])}
      onRemove={(i) => onChange(removeAt(rules, i))}>
      {(r, i) => (
        <>
          <TextInput path={`${path}.${i}.condition`} label="Accept when" value={r.condition} expression
            placeholder="e.g. !decided" onChange={(condition) => onChange(replaceAt(rules, i, { condition }))} />
          <TextInput path={`${path}.${i}.message`} label="Otherwise reject with" value={r.message}
            placeholder="e.g. Item {args.sku} already in cart" hint="Text; {…} puts a value in (args is the payload), {{ and }} write braces."
            onChange={(message) => onChange(replaceAt(rules, i, { message }))} />
        </>
      )}
    </ListSection>
  );
}

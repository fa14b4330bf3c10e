'use client';
import { ScalarTypeSchema, type TypedArgument } from '@/codegen/design';
import { SelectInput, TextInput } from './inputs';
import { ListSection, removeAt, replaceAt } from './ListSection';

/** The fields of a payload sent to another workflow: name, type and the expression for its value. */
export function TypedArgumentsEditor({ title, path, items, onChange }: { title: string; path: string; items: TypedArgument[]; onChange: (items: TypedArgument[]) => void }) {
  return (
    <ListSection title={title} path={path} items={items} addLabel="Add field" empty="No fields."
      onAdd={() => onChange([...items, { name: '', type: 'string', value: '' }])}
      onRemove={(i) => onChange(removeAt(items, i))}>
      {(a, i) => (
        <>
          <div className="row-2">
            <TextInput path={`${path}.${i}.name`} value={a.name} placeholder="name" expression
              onChange={(name) => onChange(replaceAt(items, i, { name }))} />
            <SelectInput path={`${path}.${i}.type`} value={a.type} options={ScalarTypeSchema.options}
              onChange={(type) => onChange(replaceAt(items, i, { type }))} />
          </div>
          <TextInput path={`${path}.${i}.value`} label="Value" value={a.value} expression
            onChange={(value) => onChange(replaceAt(items, i, { value }))} />
        </>
      )}
    </ListSection>
  );
}

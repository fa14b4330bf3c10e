'use client';
import { ScalarTypeSchema, type RecordField } from '@/codegen/design';
import { SelectInput, TextInput } from './inputs';
import { ListSection, removeAt, replaceAt } from './ListSection';

/** The fields of each record in a list of objects, e.g. sku, quantity and price of an order item. */
export function RecordFieldsEditor({ path, fields, onChange }: { path: string; fields: RecordField[]; onChange: (fields: RecordField[]) => void }) {
  return (
    <ListSection title="Item fields" path={path} items={fields} addLabel="Add field" empty="Each item needs at least one field."
      onAdd={() => onChange([...fields, { name: '', type: 'string' }])}
      onRemove={(i) => onChange(removeAt(fields, i))}>
      {(f, i) => (
        <div className="row-2">
          <TextInput path={`${path}.${i}.name`} value={f.name} placeholder="name" expression
            onChange={(name) => onChange(replaceAt(fields, i, { name }))} />
          <SelectInput path={`${path}.${i}.type`} value={f.type} options={ScalarTypeSchema.options}
            onChange={(type) => onChange(replaceAt(fields, i, { type }))} />
        </div>
      )}
    </ListSection>
  );
}

'use client';
import { ItemTypeSchema, ValueTypeSchema, type Field } from '@/codegen/design';
import { Checkbox, SelectInput, TextInput } from './inputs';
import { ListSection, removeAt, replaceAt } from './ListSection';
import { RecordFieldsEditor } from './RecordFieldsEditor';
import { FieldIdentifier } from './WireName';

interface Props {
  title: string;
  path: string;
  fields: Field[];
  onChange: (fields: Field[]) => void;
  /** How expressions read these fields (a message's `args`, the workflow's `input`): names are wire names then. */
  readAs?: 'args' | 'input';
}

/** Typed fields: workflow input, or a message's parameters. */
export function FieldsEditor({ title, path, fields, onChange, readAs }: Props) {
  return (
    <ListSection title={title} path={path} items={fields} addLabel="Add" empty="None yet."
      onAdd={() => onChange([...fields, { name: '', type: 'string', required: true }])}
      onRemove={(i) => onChange(removeAt(fields, i))}>
      {(f, i) => (
        <>
          <div className="row-2">
            <TextInput path={`${path}.${i}.name`} value={f.name} placeholder="name" expression
              onChange={(name) => onChange(replaceAt(fields, i, { name }))} />
            <SelectInput path={`${path}.${i}.type`} value={f.type} options={ValueTypeSchema.options}
              onChange={(type) => onChange(replaceAt(fields, i, { type }))} />
          </div>
          {readAs && <FieldIdentifier name={f.name} readAs={readAs} testId={`identifier-${path}.${i}.name`} />}
          {f.type === 'list' && (
            <SelectInput path={`${path}.${i}.items`} label="List of" value={f.items ?? 'string'} options={ItemTypeSchema.options}
              onChange={(items) => onChange(replaceAt(fields, i, { items }))} />
          )}
          {f.type === 'list' && f.items === 'object' && (
            <RecordFieldsEditor path={`${path}.${i}.itemFields`} fields={f.itemFields ?? []}
              onChange={(itemFields) => onChange(replaceAt(fields, i, { itemFields }))} />
          )}
          <Checkbox path={`${path}.${i}.required`} label="Required" checked={f.required ?? false}
            onChange={(required) => onChange(replaceAt(fields, i, { required }))} />
        </>
      )}
    </ListSection>
  );
}

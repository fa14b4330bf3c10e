'use client';
import { ItemTypeSchema, ValueTypeSchema, type ValueType, type Variable } from '@/codegen/design';
import { SelectInput, TextInput } from './inputs';
import { ListSection, removeAt, replaceAt } from './ListSection';
import { RecordFieldsEditor } from './RecordFieldsEditor';

const INITIAL: Record<ValueType, string> = { string: '""', number: '0', boolean: 'false', money: 'money("0")', list: '[]' };

/** Workflow state: name, type and initial expression. */
export function VariablesEditor({ variables, onChange }: { variables: Variable[]; onChange: (v: Variable[]) => void }) {
  return (
    <ListSection title="Variables" path="variables" items={variables} addLabel="Add" empty="No variables yet."
      onAdd={() => onChange([...variables, { name: '', type: 'string', initial: '""' }])}
      onRemove={(i) => onChange(removeAt(variables, i))}>
      {(v, i) => (
        <>
          <div className="row-2">
            <TextInput path={`variables.${i}.name`} value={v.name} placeholder="name" expression
              onChange={(name) => onChange(replaceAt(variables, i, { name }))} />
            <SelectInput path={`variables.${i}.type`} value={v.type} options={ValueTypeSchema.options}
              onChange={(type) =>
                onChange(replaceAt(variables, i, {
                  type,
                  // Keep a custom initial value; swap a default one for the new type's default.
                  initial: Object.values(INITIAL).includes(v.initial) ? INITIAL[type] : v.initial,
                }))} />
          </div>
          {v.type === 'list' && (
            <SelectInput path={`variables.${i}.items`} label="List of" value={v.items ?? 'string'} options={ItemTypeSchema.options}
              onChange={(items) => onChange(replaceAt(variables, i, { items }))} />
          )}
          {v.type === 'list' && v.items === 'object' && (
            <RecordFieldsEditor path={`variables.${i}.itemFields`} fields={v.itemFields ?? []}
              onChange={(itemFields) => onChange(replaceAt(variables, i, { itemFields }))} />
          )}
          <TextInput path={`variables.${i}.initial`} label="Initial value" value={v.initial} expression
            onChange={(initial) => onChange(replaceAt(variables, i, { initial }))} />
        </>
      )}
    </ListSection>
  );
}

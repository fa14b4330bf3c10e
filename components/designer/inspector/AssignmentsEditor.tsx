'use client';
import type { Assignment } from '@/codegen/design';
import { useDesignerStore } from '../DesignerStoreProvider';
import { SelectInput, TextInput } from './inputs';
import { ListSection, removeAt, replaceAt } from './ListSection';

interface Props {
  assignments: Assignment[];
  onChange: (assignments: Assignment[]) => void;
  /** Which names the value expression may use, shown as a hint. */
  scopeHint?: string;
}

/** `variable = expression` rows; the variable is picked from the workflow's variables. */
export function AssignmentsEditor({ assignments, onChange, scopeHint }: Props) {
  const names = useDesignerStore((s) => s.workflow.variables.map((v) => v.name).filter(Boolean));
  return (
    <ListSection title="Assignments" path="assignments" items={assignments} addLabel="Add"
      empty={names.length ? 'Nothing is assigned yet.' : 'Declare variables in the workflow settings first.'}
      onAdd={() => onChange([...assignments, { variable: names[0] ?? '', value: '' }])}
      onRemove={(i) => onChange(removeAt(assignments, i))}>
      {(a, i) => (
        <div className="row-assign">
          <SelectInput path={`assignments.${i}.variable`} value={a.variable}
            options={[{ value: '', label: '— variable —' }, ...names.map((n) => ({ value: n, label: n }))]}
            onChange={(variable) => onChange(replaceAt(assignments, i, { variable }))} />
          <span className="eq">=</span>
          <TextInput path={`assignments.${i}.value`} value={a.value} expression placeholder={scopeHint ?? 'expression'}
            onChange={(value) => onChange(replaceAt(assignments, i, { value }))} />
        </div>
      )}
    </ListSection>
  );
}

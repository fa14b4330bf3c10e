'use client';
import { newId } from '../defaults';
import { TextInput } from './inputs';
import { ListSection, removeAt, replaceAt } from './ListSection';
import type { FormProps } from './forms';

export function DecisionForm({ data, patch }: FormProps<'decision'>) {
  const branches = data.branches;
  return (
    <ListSection title="Branches" path="branches" items={branches} addLabel="Add branch"
      empty="Only the else output: add a branch to decide something."
      onAdd={() => patch({ branches: [...branches, { id: newId(), label: `Branch ${branches.length + 1}`, condition: '' }] })}
      onRemove={(i) => patch({ branches: removeAt(branches, i) })}>
      {(b, i) => (
        <>
          <TextInput path={`branches.${i}.label`} label={`Branch ${i + 1}`} value={b.label} placeholder="label"
            onChange={(label) => patch({ branches: replaceAt(branches, i, { label }) })} />
          <TextInput path={`branches.${i}.condition`} value={b.condition} expression placeholder="taken when… e.g. approved"
            onChange={(condition) => patch({ branches: replaceAt(branches, i, { condition }) })} />
        </>
      )}
    </ListSection>
  );
}

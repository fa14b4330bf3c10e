'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { newId } from '../designer/defaults';
import type { FormProps } from '../designer/inspector/forms';
import { TextInput } from '../designer/inspector/inputs';
import { ListSection, removeAt, replaceAt } from '../designer/inspector/ListSection';
import { InHandle } from '../flow/HandleParts';
import { NodeFrame } from '../flow/NodeFrame';
import { Outputs } from '../flow/Outputs';
import type { DecisionFlowNode } from '../flow/types';
import type { StepUi } from './types';

/** Decision in the designer; what it generates: codegen/steps/decision.ts. */
function DecisionNode({ id, data, selected }: NodeProps<DecisionFlowNode>) {
  const outputs = [
    ...data.branches.map((b, i) => ({ id: b.id, label: b.label || `Branch ${i + 1}` })),
    { id: 'else', label: 'else' },
  ];
  const n = data.branches.length;
  return (
    <NodeFrame id={id} type="decision" label={data.label} selected={selected}
      subtitle={`${n} branch${n === 1 ? '' : 'es'} + else`}>
      <InHandle />
      <Outputs outputs={outputs} />
    </NodeFrame>
  );
}

function DecisionForm({ data, patch }: FormProps<'decision'>) {
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

export const decisionUi: StepUi<'decision'> = {
  kind: 'decision',
  description: 'Branch on conditions, with an else',
  family: 'branch',
  icon: 'M12 2 22 12 12 22 2 12z',
  palette: 'Steps',
  Node: memo(DecisionNode),
  Form: DecisionForm,
  newData: () => ({ label: 'Decision', branches: [{ id: newId(), label: 'Branch 1', condition: '' }] }),
};

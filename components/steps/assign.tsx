'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { AssignmentsEditor } from '../designer/inspector/AssignmentsEditor';
import type { FormProps } from '../designer/inspector/forms';
import { InHandle, NextHandle } from '../flow/HandleParts';
import { NodeFrame } from '../flow/NodeFrame';
import type { AssignFlowNode } from '../flow/types';
import type { StepUi } from './types';

/** Assign in the designer; what it generates: codegen/steps/assign.ts. */
function AssignNode({ id, data, selected }: NodeProps<AssignFlowNode>) {
  const [first, ...rest] = data.assignments;
  const subtitle = first
    ? <code>{first.variable} = {first.value}{rest.length ? ` (+${rest.length})` : ''}</code>
    : 'No assignments yet';
  return (
    <NodeFrame id={id} type="assign" label={data.label} selected={selected} subtitle={subtitle}>
      <InHandle />
      <NextHandle />
    </NodeFrame>
  );
}

function AssignForm({ data, patch }: FormProps<'assign'>) {
  return <AssignmentsEditor assignments={data.assignments} onChange={(assignments) => patch({ assignments })} />;
}

export const assignUi: StepUi<'assign'> = {
  kind: 'assign',
  description: 'Set variables from expressions',
  family: 'flow',
  icon: 'M5 9h14M5 15h14',
  palette: 'Steps',
  Node: memo(AssignNode),
  Form: AssignForm,
  newData: () => ({ label: 'Assign', assignments: [] }),
};

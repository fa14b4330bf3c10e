'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NextHandle } from '../flow/HandleParts';
import { NodeFrame } from '../flow/NodeFrame';
import type { StartFlowNode } from '../flow/types';
import type { StepUi } from './types';

/** Start in the designer; what it generates: codegen/steps/start.ts. */
function StartNode({ id, data, selected }: NodeProps<StartFlowNode>) {
  return (
    <NodeFrame id={id} type="start" label={data.label} selected={selected}>
      <NextHandle />
    </NodeFrame>
  );
}

/** Start has no fields of its own: the inspector says what it is for. */
function StartForm() {
  return <p className="muted">Every execution starts here. Connect its output to the first step.</p>;
}

export const startUi: StepUi<'start'> = {
  kind: 'start',
  description: 'Where every execution begins',
  family: 'flow',
  icon: 'M8 5.5v13l10-6.5z',
  // Not in the palette: a design has exactly one Start, created with it (components/designer/defaults.ts).
  Node: memo(StartNode),
  Form: StartForm,
  newData: () => ({ label: 'Start' }),
};

'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useDesignerStore } from '../designer/DesignerStoreProvider';
import type { FormProps } from '../designer/inspector/forms';
import { Checkbox } from '../designer/inspector/inputs';
import { InHandle } from '../flow/HandleParts';
import { NodeFrame } from '../flow/NodeFrame';
import type { ContinueAsNewFlowNode } from '../flow/types';
import type { StepUi } from './types';

/**
 * Continue-as-new in the designer; what it generates: codegen/steps/continueAsNew.ts. A terminal
 * step: the run ends and the workflow continues as a new run with the carried state.
 */
function ContinueAsNewNode({ id, data, selected }: NodeProps<ContinueAsNewFlowNode>) {
  const carried = data.carry.length ? `carry ${data.carry.join(', ')}` : 'carry nothing';
  return (
    <NodeFrame id={id} type="continueAsNew" label={data.label} selected={selected} subtitle={carried}>
      <InHandle />
    </NodeFrame>
  );
}

/** Which variables the next run starts with; the others start again from their initial values. */
function ContinueAsNewForm({ data, patch }: FormProps<'continueAsNew'>) {
  const variables = useDesignerStore((s) => s.workflow.variables);
  const names = variables.map((v) => v.name).filter(Boolean);
  const toggle = (name: string, carried: boolean) =>
    patch({ carry: carried ? names.filter((n) => n === name || data.carry.includes(n)) : data.carry.filter((n) => n !== name) });
  return (
    <div className="field">
      <span className="field__label">Carry into the next run</span>
      {names.length === 0 && <p className="muted small">No variables to carry: the next run starts from the initial values.</p>}
      {names.map((name) => (
        <Checkbox key={name} path={`carry.${name}`} label={name} checked={data.carry.includes(name)} onChange={(c) => toggle(name, c)} />
      ))}
      <p className="muted small">The run waits for its handlers to finish, then continues as new with the same input. Carry anything a message may have changed meanwhile.</p>
    </div>
  );
}

export const continueAsNewUi: StepUi<'continueAsNew'> = {
  kind: 'continueAsNew',
  description: 'Start a fresh run with chosen state',
  family: 'end',
  icon: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  palette: 'Steps',
  Node: memo(ContinueAsNewNode),
  Form: ContinueAsNewForm,
  newData: () => ({ label: 'Continue-as-new', carry: [] }),
};

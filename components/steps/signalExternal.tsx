'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FormProps } from '../designer/inspector/forms';
import { SelectInput, TextInput } from '../designer/inspector/inputs';
import { TypedArgumentsEditor } from '../designer/inspector/TypedArgumentsEditor';
import { designOptions, useDesignNames } from '../designer/inspector/useDesignNames';
import { InHandle, NextHandle } from '../flow/HandleParts';
import { NodeFrame } from '../flow/NodeFrame';
import type { SignalExternalFlowNode } from '../flow/types';
import type { StepUi } from './types';

/** Signal workflow in the designer; what it generates: codegen/steps/signalExternal.ts. */
function SignalExternalNode({ id, data, selected }: NodeProps<SignalExternalFlowNode>) {
  return (
    <NodeFrame id={id} type="signalExternal" label={data.label} selected={selected}
      subtitle={<code>signal {data.signal || '(no signal yet)'}</code>}>
      <InHandle />
      <NextHandle />
    </NodeFrame>
  );
}

function SignalExternalForm({ data, patch }: FormProps<'signalExternal'>) {
  const designs = useDesignNames();
  return (
    <>
      <SelectInput path="design" label="Design it runs (optional)" value={data.design ?? ''} options={designOptions(designs, data.design, '(any workflow)')}
        hint="Signals go by workflow id; naming the design lets the deploy check it is deployed." onChange={(design) => patch({ design: design || undefined })} />
      <TextInput path="workflowId" label="Workflow id to signal" value={data.workflowId} expression placeholder="e.g. input.orchestratorId"
        onChange={(workflowId) => patch({ workflowId })} />
      <TextInput path="signal" label="Signal name" value={data.signal} expression placeholder="e.g. workerDone"
        hint="The signal name the other workflow handles." onChange={(signal) => patch({ signal })} />
      <TypedArgumentsEditor title="Arguments" path="args" items={data.args} onChange={(args) => patch({ args })} />
    </>
  );
}

export const signalExternalUi: StepUi<'signalExternal'> = {
  kind: 'signalExternal',
  description: 'Send a signal to another running workflow',
  family: 'flow',
  icon: 'M3 12h11M10 8l4 4-4 4M17 5h4v14h-4',
  palette: 'Steps',
  Node: memo(SignalExternalNode),
  Form: SignalExternalForm,
  newData: () => ({ label: 'Signal workflow', workflowId: '', signal: '', args: [] }),
};

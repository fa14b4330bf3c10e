'use client';
import { TextInput } from './inputs';
import { TypedArgumentsEditor } from './TypedArgumentsEditor';
import type { FormProps } from './forms';

export function SignalExternalForm({ data, patch }: FormProps<'signalExternal'>) {
  return (
    <>
      <TextInput path="workflowId" label="Workflow id to signal" value={data.workflowId} expression placeholder="e.g. input.orchestratorId"
        onChange={(workflowId) => patch({ workflowId })} />
      <TextInput path="signal" label="Signal name" value={data.signal} expression placeholder="e.g. workerDone"
        hint="The signal name the other workflow handles." onChange={(signal) => patch({ signal })} />
      <TypedArgumentsEditor title="Arguments" path="args" items={data.args} onChange={(args) => patch({ args })} />
    </>
  );
}

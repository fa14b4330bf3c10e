'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { ResultTypeSchema } from '@/codegen/design';
import type { FormProps } from '../designer/inspector/forms';
import { Checkbox, SelectInput, TextInput } from '../designer/inspector/inputs';
import { TypedArgumentsEditor } from '../designer/inspector/TypedArgumentsEditor';
import { designOptions, useDesignNames } from '../designer/inspector/useDesignNames';
import { InHandle } from '../flow/HandleParts';
import { NodeFrame } from '../flow/NodeFrame';
import type { ChildWorkflowFlowNode } from '../flow/types';
import { FailureOutputs, OnFailureField } from './failure-output';
import type { StepUi } from './types';

/** Child workflow in the designer; what it generates: codegen/steps/childWorkflow.ts. */
function ChildWorkflowNode({ id, data, selected }: NodeProps<ChildWorkflowFlowNode>) {
  const verb = data.waitForResult ? 'run' : 'start';
  const into = data.waitForResult && data.resultVariable ? ` → ${data.resultVariable}` : '';
  return (
    <NodeFrame id={id} type="childWorkflow" label={data.label} selected={selected}
      subtitle={<code>{verb} {data.design || data.workflowType || '(no design yet)'}{into}</code>}>
      <InHandle />
      <FailureOutputs onFailure={data.onFailure} />
    </NodeFrame>
  );
}

function ChildWorkflowForm({ data, patch }: FormProps<'childWorkflow'>) {
  const designs = useDesignNames();
  // A node saved before designs were named keeps its typed workflow type and task queue until a design is chosen.
  const typedByHand = data.design === undefined && Boolean(data.workflowType || data.taskQueue);
  return (
    <>
      <SelectInput path="design" label="Design" value={data.design ?? ''} options={designOptions(designs, data.design, typedByHand ? '(typed by hand, below)' : '(choose a design)')}
        hint="The child runs on that design's task queue, filled in when this design is deployed: deploy it first. This design itself runs as its own child."
        onChange={(design) => patch(design ? { design, workflowType: undefined, taskQueue: undefined } : { design: typedByHand ? undefined : '' })} />
      {typedByHand && (
        <>
          <TextInput path="workflowType" label="Workflow type" value={data.workflowType ?? ''} expression placeholder="e.g. TaskWorkerWorkflow"
            hint="Typed before designs could be named; choosing a design above replaces it and the task queue." onChange={(workflowType) => patch({ workflowType })} />
          <TextInput path="taskQueue" label="Task queue (optional)" value={data.taskQueue ?? ''} expression placeholder="empty: this workflow's own queue"
            onChange={(taskQueue) => patch({ taskQueue: taskQueue || undefined })} />
        </>
      )}
      <TextInput path="workflowId" label="Child workflow id" value={data.workflowId} expression placeholder='e.g. workflowId() + "-worker-1"'
        onChange={(workflowId) => patch({ workflowId })} />
      <TypedArgumentsEditor title="Input" path="input" items={data.input} onChange={(input) => patch({ input })} />
      <Checkbox path="waitForResult" label="Wait for the result (otherwise the child is only started and lives on)" checked={data.waitForResult}
        onChange={(waitForResult) => patch(waitForResult ? { waitForResult } : { waitForResult, onFailure: undefined })} />
      {data.waitForResult && (
        <div className="row-2">
          <SelectInput path="resultType" label="Result type" value={data.resultType ?? 'string'} options={ResultTypeSchema.options}
            onChange={(resultType) => patch({ resultType })} />
          <TextInput path="resultVariable" label="Store in variable" value={data.resultVariable ?? ''} expression
            onChange={(resultVariable) => patch({ resultVariable: resultVariable || undefined })} />
        </div>
      )}
      {data.waitForResult && (
        <OnFailureField what="the child" checked={!!data.onFailure} onChange={(onFailure) => patch({ onFailure })} />
      )}
    </>
  );
}

export const childWorkflowUi: StepUi<'childWorkflow'> = {
  kind: 'childWorkflow',
  description: 'Start another workflow, or run it to its result',
  family: 'flow',
  icon: 'M4 4h8v6H4zM12 14h8v6h-8zM8 10v7h4',
  palette: 'Steps',
  Node: memo(ChildWorkflowNode),
  Form: ChildWorkflowForm,
  newData: () => ({ label: 'Child workflow', design: '', workflowId: '', input: [], waitForResult: true, resultType: 'string' }),
};

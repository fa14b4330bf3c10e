'use client';
import { ResultTypeSchema } from '../../../codegen/schema/design';
import { Checkbox, SelectInput, TextInput } from './inputs';
import { TypedArgumentsEditor } from './TypedArgumentsEditor';
import type { FormProps } from './forms';

export function ChildWorkflowForm({ data, patch }: FormProps<'childWorkflow'>) {
  return (
    <>
      <TextInput path="workflowType" label="Workflow type" value={data.workflowType} expression placeholder="e.g. TaskWorkerWorkflow"
        hint="Any workflow deployed on the same task queue, this one included." onChange={(workflowType) => patch({ workflowType })} />
      <TextInput path="workflowId" label="Child workflow id" value={data.workflowId} expression placeholder='e.g. workflowId() + "-worker-1"'
        onChange={(workflowId) => patch({ workflowId })} />
      <TextInput path="taskQueue" label="Task queue (optional)" value={data.taskQueue ?? ''} expression placeholder="empty: this workflow's own queue"
        hint="Another design deployed by Signalbox polls its own queue: pass it here, e.g. from the input." onChange={(taskQueue) => patch({ taskQueue: taskQueue || undefined })} />
      <TypedArgumentsEditor title="Input" path="input" items={data.input} onChange={(input) => patch({ input })} />
      <Checkbox path="waitForResult" label="Wait for the result (otherwise the child is only started and lives on)" checked={data.waitForResult}
        onChange={(waitForResult) => patch({ waitForResult })} />
      {data.waitForResult && (
        <div className="row-2">
          <SelectInput path="resultType" label="Result type" value={data.resultType ?? 'string'} options={ResultTypeSchema.options}
            onChange={(resultType) => patch({ resultType })} />
          <TextInput path="resultVariable" label="Store in variable" value={data.resultVariable ?? ''} expression
            onChange={(resultVariable) => patch({ resultVariable: resultVariable || undefined })} />
        </div>
      )}
    </>
  );
}

'use client';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useDesignerStore } from '../designer/DesignerStoreProvider';
import type { FormProps } from '../designer/inspector/forms';
import { SelectInput, TextInput } from '../designer/inspector/inputs';
import { InHandle } from '../flow/HandleParts';
import { NodeFrame } from '../flow/NodeFrame';
import type { EndFlowNode } from '../flow/types';
import type { StepUi } from './types';

/** End in the designer; what it generates: codegen/steps/end.ts. */
function EndNode({ id, data, selected }: NodeProps<EndFlowNode>) {
  const verb = data.outcome === 'fail' ? 'fail' : 'return';
  return (
    <NodeFrame id={id} type="end" label={data.label} selected={selected}
      subtitle={data.result ? <code>{verb} {data.result}</code> : `${verb} (no result yet)`}>
      <InHandle />
    </NodeFrame>
  );
}

const OUTCOMES = [
  { value: 'complete', label: 'Complete with a result' },
  { value: 'fail', label: 'Fail with a message' },
] as const;

function EndForm({ data, patch }: FormProps<'end'>) {
  const resultType = useDesignerStore((s) => s.workflow.resultType);
  const fail = data.outcome === 'fail';
  return (
    <>
      <SelectInput path="outcome" label="Outcome" value={data.outcome} options={OUTCOMES} onChange={(outcome) => patch({ outcome })} />
      <TextInput path="result" label={fail ? 'Failure message' : `Result (${resultType})`} value={data.result} expression
        placeholder='e.g. "Request approved by " + approverName' onChange={(result) => patch({ result })} />
    </>
  );
}

export const endUi: StepUi<'end'> = {
  kind: 'end',
  description: 'Complete with a result, or fail',
  family: 'end',
  icon: 'M6 6h12v12H6z',
  palette: 'Steps',
  Node: memo(EndNode),
  Form: EndForm,
  newData: () => ({ label: 'End', outcome: 'complete', result: '' }),
};

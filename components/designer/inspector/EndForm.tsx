'use client';
import { useDesignerStore } from '../DesignerStoreProvider';
import { SelectInput, TextInput } from './inputs';
import type { FormProps } from './forms';

const OUTCOMES = [
  { value: 'complete', label: 'Complete with a result' },
  { value: 'fail', label: 'Fail with a message' },
] as const;

export function EndForm({ data, patch }: FormProps<'end'>) {
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

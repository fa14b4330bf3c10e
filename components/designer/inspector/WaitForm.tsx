'use client';
import { Checkbox, TextInput } from './inputs';
import { DurationInput } from './DurationInput';
import type { FormProps } from './forms';

export function WaitForm({ data, patch }: FormProps<'wait'>) {
  return (
    <>
      <TextInput path="condition" label="Wait until" value={data.condition} expression placeholder="e.g. decided"
        hint="Continues through “met” as soon as this holds." onChange={(condition) => patch({ condition })} />
      <Checkbox path="hasTimeout" label="Give up after a timeout" checked={!!data.timeout}
        onChange={(on) => patch({ timeout: on ? { amount: 7, unit: 'days' } : undefined })} />
      {data.timeout && (
        <div className="field">
          <span className="field__label">Timeout</span>
          <DurationInput path="timeout" value={data.timeout} onChange={(timeout) => patch({ timeout })} />
          <span className="field__hint">Then continues through “timeout”.</span>
        </div>
      )}
    </>
  );
}

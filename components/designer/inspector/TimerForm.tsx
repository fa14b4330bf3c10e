'use client';
import { DurationInput } from './DurationInput';
import type { FormProps } from './forms';

export function TimerForm({ data, patch }: FormProps<'timer'>) {
  return (
    <div className="field">
      <span className="field__label">Sleep for</span>
      <DurationInput path="duration" value={data.duration} onChange={(duration) => patch({ duration })} />
    </div>
  );
}

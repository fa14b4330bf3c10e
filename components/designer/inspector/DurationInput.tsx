'use client';
import { DurationSchema, type Duration } from '@/codegen/design';
import { NumberInput, SelectInput } from './inputs';

const UNITS = DurationSchema.shape.unit.options;

export function DurationInput({ path, value, onChange }: { path: string; value: Duration; onChange: (d: Duration) => void }) {
  return (
    <div className="row-2">
      <NumberInput path={`${path}.amount`} value={value.amount} min={0.001}
        onChange={(amount) => amount > 0 && onChange({ ...value, amount })} />
      <SelectInput path={`${path}.unit`} value={value.unit} options={UNITS} onChange={(unit) => onChange({ ...value, unit })} />
    </div>
  );
}

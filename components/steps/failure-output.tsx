'use client';
import { Checkbox } from '../designer/inspector/inputs';
import { NextHandle } from '../flow/HandleParts';
import { Outputs } from '../flow/Outputs';

/**
 * The "on failure" output of an activity or a child workflow it waits for (codegen/steps/failure.ts):
 * drawn beside "next" when the node has it, so the failure path is an edge on the canvas.
 */
export function FailureOutputs({ onFailure }: { onFailure: boolean | undefined }) {
  if (!onFailure) return <NextHandle />;
  return <Outputs outputs={[{ id: 'next', label: 'next' }, { id: 'failure', label: 'on failure' }]} />;
}

/** The inspector's switch for it, saying what the path can read. */
export function OnFailureField({ checked, onChange, what }: { checked: boolean; onChange: (onFailure: boolean | undefined) => void; what: string }) {
  return (
    <div className="field">
      <Checkbox path="onFailure" label={`Continue “on failure” when ${what} fails for good`} checked={checked}
        onChange={(on) => onChange(on || undefined)} />
      <span className="field__hint">
        Otherwise the failure fails the run. Steps on that path read <code>failure.type</code> and <code>failure.message</code>.
      </span>
    </div>
  );
}

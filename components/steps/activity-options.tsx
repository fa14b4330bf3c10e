'use client';
import { ACTIVITY_RETRY_DEFAULTS, DEFAULT_ACTIVITY_TIMEOUT, type RetryPolicy } from '@/codegen/design';
import { DurationInput } from '../designer/inspector/DurationInput';
import type { FormProps } from '../designer/inspector/forms';
import { NumberInput, TextInput } from '../designer/inspector/inputs';

/**
 * An activity's Temporal options: how long one attempt may take and how failures are retried.
 * Fields show the defaults generated code uses until the designer changes them (codegen/ir/proxies.ts).
 */
export function ActivityOptionsFields({ data, patch }: Pick<FormProps<'activity'>, 'data' | 'patch'>) {
  const retry = { ...ACTIVITY_RETRY_DEFAULTS, ...data.retry };
  const patchRetry = (change: Partial<RetryPolicy>) => patch({ retry: { ...data.retry, ...change } });
  return (
    <details className="inspector-section" data-testid="activity-options">
      <summary>Timeouts and retries — at most {retry.maximumAttempts} attempt{retry.maximumAttempts === 1 ? '' : 's'}</summary>
      <p className="muted small">One attempt may take</p>
      <DurationInput path="startToCloseTimeout" value={data.startToCloseTimeout ?? DEFAULT_ACTIVITY_TIMEOUT} onChange={(startToCloseTimeout) => patch({ startToCloseTimeout })} />
      <NumberInput path="retry.maximumAttempts" label="Maximum attempts (1: no retries)" value={retry.maximumAttempts} min={1}
        onChange={(maximumAttempts) => patchRetry({ maximumAttempts })} />
      <p className="muted small">First retry after</p>
      <DurationInput path="retry.initialInterval" value={retry.initialInterval} onChange={(initialInterval) => patchRetry({ initialInterval })} />
      <NumberInput path="retry.backoffCoefficient" label="Each wait longer by the factor" value={retry.backoffCoefficient} min={1}
        onChange={(backoffCoefficient) => patchRetry({ backoffCoefficient })} />
      <p className="muted small">Longest wait between attempts</p>
      <DurationInput path="retry.maximumInterval" value={retry.maximumInterval} onChange={(maximumInterval) => patchRetry({ maximumInterval })} />
      <TextInput path="retry.nonRetryableErrorTypes" label="Never retry these error types" placeholder="e.g. HttpClientError, CardDeclined"
        value={(data.retry?.nonRetryableErrorTypes ?? []).join(', ')}
        onChange={(text) => patchRetry({ nonRetryableErrorTypes: text.split(',').map((t) => t.trim()).filter(Boolean) })} />
      <p className="muted small">All attempts together may take (empty: the attempts bound it)</p>
      {data.scheduleToCloseTimeout
        ? <DurationInput path="scheduleToCloseTimeout" value={data.scheduleToCloseTimeout} onChange={(scheduleToCloseTimeout) => patch({ scheduleToCloseTimeout })} />
        : <button type="button" className="btn btn--ghost btn--sm" data-testid="add-schedule-to-close" onClick={() => patch({ scheduleToCloseTimeout: { amount: 10, unit: 'minutes' } })}>Set a limit</button>}
    </details>
  );
}

/**
 * The built-in activities every deployed workflow can call (BUILTIN_ACTIVITIES in the design
 * schema). Generated code calls exactly these signatures through proxyActivities.
 */
import { ApplicationFailure, Context, activityInfo, log as activityLog } from '@temporalio/activity';

/** Writes a message to the worker's log, tagged with the workflow (activity logger). */
export async function log({ message }: { message: string }): Promise<void> {
  activityLog.info(message, { workflowId: activityInfo().workflowExecution?.workflowId });
}

/** Notifies a recipient. For now it logs; later it delivers to the inbox / a webhook. */
export async function notify({ recipient, message }: { recipient: string; message: string }): Promise<void> {
  activityLog.info(`notify ${recipient}: ${message}`, { recipient, workflowId: activityInfo().workflowExecution?.workflowId });
}

/** The longest an HTTP request may take before the activity gives up on this attempt. */
const HTTP_TIMEOUT_MS = 30_000;

/**
 * Sends an HTTP request and returns the response body. A 4xx answer fails without retrying
 * (sending the same request again will not help); a 5xx or a timeout is retried by Temporal.
 */
export async function http({ method, url, body }: { method: string; url: string; body: string }): Promise<string> {
  const response = await fetch(url, {
    method,
    body: body === '' ? undefined : body,
    signal: AbortSignal.any([Context.current().cancellationSignal, AbortSignal.timeout(HTTP_TIMEOUT_MS)]),
  });
  const text = await response.text();
  if (!response.ok) {
    const failure = `${method} ${url} answered ${response.status}: ${text.slice(0, 200)}`;
    if (response.status >= 400 && response.status < 500) throw ApplicationFailure.nonRetryable(failure, 'HttpClientError');
    throw ApplicationFailure.retryable(failure, 'HttpServerError');
  }
  return text;
}

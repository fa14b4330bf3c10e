/**
 * The built-in activities every deployed workflow can call (BUILTIN_ACTIVITIES in the design
 * schema). Generated code calls exactly these signatures through proxyActivities. The worker host
 * registers `createBuiltinActivities({ db })`: notify writes to its database.
 */
import { ApplicationFailure, Context, activityInfo, log as activityLog } from '@temporalio/activity';
import type { Db } from '../db/client';
import { markRequestStale } from '../lib/approvals/store';
import { parseRecipients, RecipientError } from '../lib/notifications/recipients';
import { deliver } from '../lib/notifications/store';

/** Writes a message to the worker's log, tagged with the workflow (activity logger). */
export async function log({ message }: { message: string }): Promise<void> {
  activityLog.info(message, { workflowId: activityInfo().workflowExecution?.workflowId });
}

/** Longer messages are cut here (a notification is a line in a list, not a document). */
const MAX_MESSAGE = 2000;

/**
 * Delivers an in-app notification to each recipient (`ann`, `role:approver`, comma-separated;
 * lib/notifications/recipients.ts), linked to the calling execution. A retried attempt adds no
 * second row. A bad recipient fails without retrying, naming the entry. For an approval request
 * it also marks the inbox projection stale: a level opened or the request was decided.
 */
function notifyWith(db: Db) {
  return async function notify({ recipient, message }: { recipient: string; message: string }): Promise<void> {
    const info = activityInfo();
    let recipients;
    try {
      recipients = parseRecipients(recipient);
    } catch (error) {
      if (error instanceof RecipientError) throw ApplicationFailure.nonRetryable(error.message, 'NotifyBadRecipient');
      throw error;
    }
    // Absent only for an activity run on its own (not from a workflow): then nothing links it.
    const execution = info.workflowExecution;
    const workflowId = execution?.workflowId ?? null;
    const sourceKey = execution ? `${execution.runId}/${info.activityId}` : null;
    const added = await deliver(db, { recipients, message: message.slice(0, MAX_MESSAGE), workflowId, sourceKey });
    if (workflowId) await markRequestStale({ db, workflowId });
    activityLog.info(`notify ${recipient}: ${message}`, { recipient, workflowId, added });
  };
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

/** The activities the worker host registers, bound to its database. */
export function createBuiltinActivities({ db }: { db: Db }) {
  return { log, notify: notifyWith(db), http };
}

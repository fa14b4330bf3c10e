/**
 * The built-in activities every deployed workflow can call (BUILTIN_ACTIVITIES in the design
 * schema). Generated code calls exactly these signatures through proxyActivities. The worker host
 * registers `createBuiltinActivities({ db })`: notify writes to its database (and a webhook, if set).
 */
import { ApplicationFailure, Context, activityInfo, log as activityLog } from '@temporalio/activity';
import type { Db } from '@/db/client';
import { notifyDelivery, WebhookRetry } from '@/lib/notifications/deliver';
import { RecipientError } from '@/lib/notifications/recipients';
import { webhookFromEnv, type WebhookSettings } from '@/lib/notifications/webhook';

/** Writes a message to the worker's log, tagged with the workflow (activity logger). */
export async function log({ message }: { message: string }): Promise<void> {
  activityLog.info(message, { workflowId: activityInfo().workflowExecution?.workflowId });
}

/**
 * Delivers an in-app notification to each recipient (`ann`, `role:approver`, `group:finance`, comma-separated;
 * lib/notifications/recipients.ts), linked to the calling execution, and to the webhook when one
 * is set (lib/notifications/webhook.ts). A retried attempt adds no second row. A bad recipient
 * fails without retrying, naming the entry. For an approval request it also marks the inbox
 * projection stale: a level opened or the request was decided.
 */
function notifyWith(db: Db, webhook: WebhookSettings | null) {
  return async function notify({ recipient, message }: { recipient: string; message: string }): Promise<void> {
    const info = activityInfo();
    // Absent only for an activity run on its own (not from a workflow): then nothing links it.
    const execution = info.workflowExecution;
    try {
      const outcome = await notifyDelivery(
        { db, webhook, signal: Context.current().cancellationSignal },
        { recipient, message, workflowId: execution?.workflowId ?? null, sourceKey: execution ? `${execution.runId}/${info.activityId}` : null, attempt: info.attempt },
      );
      activityLog.info(`notify ${recipient}: ${message}`, { recipient, workflowId: execution?.workflowId, ...outcome });
    } catch (error) {
      if (error instanceof RecipientError) throw ApplicationFailure.nonRetryable(error.message, 'NotifyBadRecipient');
      if (error instanceof WebhookRetry) throw ApplicationFailure.retryable(error.message, 'NotifyWebhook');
      throw error;
    }
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

/**
 * The activities the worker host registers, bound to its database; notify also posts to the
 * webhook set by SIGNALBOX_NOTIFY_WEBHOOK_URL (read here unless given).
 */
export function createBuiltinActivities({ db, webhook = webhookFromEnv() }: { db: Db; webhook?: WebhookSettings | null }) {
  return { log, notify: notifyWith(db, webhook), http };
}

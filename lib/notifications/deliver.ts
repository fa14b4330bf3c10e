/**
 * What the notify activity does (worker/activities.ts wraps it with the activity's context):
 * writes the in-app rows, marks an approval request's projection stale, and posts to the webhook
 * when one is set. The in-app rows are deduplicated per attempt, so a retry for the webhook's sake
 * adds no second row; the webhook is tried on the first WEBHOOK_ATTEMPTS attempts and then given
 * up on (logged), so a receiver that is down never holds a business process at its notify step.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { getRequest, markRequestStale } from '../approvals/store';
import { parseRecipients } from './recipients';
import { deliver } from './store';
import { postWebhook, type WebhookSettings } from './webhook';

/** Longer messages are cut here (a notification is a line in a list, not a document). */
export const MAX_MESSAGE = 2000;
export const WEBHOOK_ATTEMPTS = 3;

export class WebhookRetry extends Error {}

export interface NotifyInput {
  recipient: string;
  message: string;
  workflowId: string | null;
  /** Identifies the notify call across its attempts (`{runId}/{activityId}`). */
  sourceKey: string | null;
  /** 1 on the first attempt (Temporal's activityInfo().attempt). */
  attempt: number;
}

/**
 * Throws RecipientError for a bad recipient (do not retry) and WebhookRetry when the webhook
 * should be tried again (a 5xx, 429 or no answer on an early attempt). Returns what happened.
 */
export async function notifyDelivery(
  { db, webhook, signal }: { db: Db; webhook: WebhookSettings | null; signal?: AbortSignal },
  { recipient, message, workflowId, sourceKey, attempt }: NotifyInput,
): Promise<{ added: number; webhook: 'off' | 'delivered' | 'refused' | 'given up'; status?: number }> {
  const recipients = parseRecipients(recipient);
  const text = message.slice(0, MAX_MESSAGE);
  const added = await deliver(db, { recipients, message: text, workflowId, sourceKey });
  if (workflowId) await markRequestStale({ db, workflowId });
  if (!webhook) return { added, webhook: 'off' };
  // The request row is written right after its execution starts, long before a notify runs in practice.
  const isRequest = workflowId ? (await getRequest({ db, workflowId })) !== null : false;
  const payload = {
    id: sourceKey,
    recipients: recipients.map((r) => `${r.kind}:${r.name}`),
    message: text,
    workflowId,
    path: workflowId ? `/${isRequest ? 'requests' : 'executions'}/${encodeURIComponent(workflowId)}` : null,
    createdAt: new Date().toISOString(),
  };
  let status: number | undefined;
  try {
    status = await postWebhook(webhook, payload, signal);
  } catch (error) {
    if (attempt < WEBHOOK_ATTEMPTS) throw new WebhookRetry(`notify webhook: no answer (${error instanceof Error ? error.message : String(error)})`);
    return { added, webhook: 'given up' };
  }
  if (status >= 200 && status < 300) return { added, webhook: 'delivered', status };
  const retryable = status >= 500 || status === 429;
  if (retryable && attempt < WEBHOOK_ATTEMPTS) throw new WebhookRetry(`notify webhook answered ${status}`);
  return { added, webhook: retryable ? 'given up' : 'refused', status };
}

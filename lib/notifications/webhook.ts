/**
 * Optional delivery of every notification to a webhook as well (chat, e-mail gateway, …), set
 * for the worker hosts by environment:
 *   SIGNALBOX_NOTIFY_WEBHOOK_URL     http(s) address that receives a JSON POST per notification
 *   SIGNALBOX_NOTIFY_WEBHOOK_SECRET  optional; signs the body: X-Signalbox-Signature: sha256=<HMAC hex>
 * The body: { id, recipients: ["user:ann", "role:approver"], message, workflowId, path, createdAt };
 * `id` is the same on a retried delivery (receivers may deduplicate on it).
 */
import 'server-only';
import { createHmac } from 'node:crypto';

export interface WebhookSettings {
  url: string;
  secret: string | null;
}

export interface WebhookPayload {
  id: string | null;
  recipients: string[];
  message: string;
  workflowId: string | null;
  /** The app page it links to, relative to the app's address (`/requests/{workflowId}`, `/executions/…`). */
  path: string | null;
  createdAt: string;
}

export class WebhookConfigError extends Error {}

/** The settings from the environment, null when no URL is set; a URL that is not http(s) is an error naming the variable. */
export function webhookFromEnv(env: Record<string, string | undefined> = process.env): WebhookSettings | null {
  const raw = env.SIGNALBOX_NOTIFY_WEBHOOK_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookConfigError(`SIGNALBOX_NOTIFY_WEBHOOK_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookConfigError(`SIGNALBOX_NOTIFY_WEBHOOK_URL must be http(s), not ${url.protocol}`);
  return { url: url.toString(), secret: env.SIGNALBOX_NOTIFY_WEBHOOK_SECRET?.trim() || null };
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const TIMEOUT_MS = 10_000;

/** POSTs the payload; resolves with the HTTP status (throws only when no answer came: network error, timeout). */
export async function postWebhook(settings: WebhookSettings, payload: WebhookPayload, signal?: AbortSignal): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(settings.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(settings.secret ? { 'x-signalbox-signature': signature(settings.secret, body) } : {}) },
    body,
    signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]) : AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}

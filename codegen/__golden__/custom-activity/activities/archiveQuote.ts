import { createHash } from 'node:crypto';
import { log } from '@temporalio/activity';

export async function archiveQuote({ orderId, amount }: { orderId: string; amount: string }): Promise<void> {
  const digest = createHash('sha256').update(`${orderId}:${amount}`).digest('hex');
  log.info(`archived quote ${orderId} for ${amount}`, { digest });
}

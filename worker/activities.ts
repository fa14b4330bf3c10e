/**
 * The built-in activities every deployed workflow can call (BUILTIN_ACTIVITIES in the design
 * schema). Generated code calls exactly these signatures through proxyActivities.
 */
import { activityInfo, log as activityLog } from '@temporalio/activity';

/** Writes a message to the worker's log, tagged with the workflow (activity logger). */
export async function log({ message }: { message: string }): Promise<void> {
  activityLog.info(message, { workflowId: activityInfo().workflowExecution?.workflowId });
}

/** Notifies a recipient. For now it logs; later it delivers to the inbox / a webhook. */
export async function notify({ recipient, message }: { recipient: string; message: string }): Promise<void> {
  activityLog.info(`notify ${recipient}: ${message}`, { recipient, workflowId: activityInfo().workflowExecution?.workflowId });
}

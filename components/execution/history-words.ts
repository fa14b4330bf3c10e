/**
 * A history event in words for the timeline: "Signal approve received", "Timer 7 days fired",
 * "Activity notify failed, attempt 3: SMTP refused the recipient". Later events of an activity,
 * update, timer or child do not repeat its name, so the words take it from the group's first event.
 */
import type { HistoryEventRow } from '@/lib/executions/history-row';

/** What the group's earlier events told: the name, a timer's duration, the latest attempt. */
export interface WordsContext {
  name?: string;
  duration?: string;
  attempt?: number;
  /** A design step's label from its id (step records name ids). */
  labelOf?: (nodeId: string) => string | undefined;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const withMessage = (words: string, message: string | undefined) => (message ? `${words}: ${message}` : words);

export function eventWords(row: HistoryEventRow, context: WordsContext = {}): string {
  const name = row.name ?? context.name;
  const named = (noun: string) => (name ? `${noun} ${name}` : noun);
  switch (row.kind) {
    case 'signal':
      if (row.action === 'sent') return `${named('Signal')} sent${row.childWorkflowId ? ` to ${row.childWorkflowId}` : ''}`;
      return withMessage(`${named('Signal')} ${row.action}`, row.message);
    case 'update':
      return withMessage(`${named('Update')} ${row.action}`, row.message);
    case 'timer':
      return `Timer ${row.duration ?? context.duration ?? row.timerId ?? ''} ${row.action}`.replace(/\s+/g, ' ');
    case 'activity': {
      const attempt = row.attempt ?? context.attempt;
      const showAttempt = attempt != null && (row.action === 'failed' || row.action === 'timed out' || (row.action === 'started' && attempt > 1));
      return withMessage(`${named('Activity')} ${row.action}${showAttempt ? `, attempt ${attempt}` : ''}`, row.message);
    }
    case 'child':
      return withMessage(`${named('Child workflow')} ${row.action}`, row.message);
    case 'workflow':
      if (row.type.startsWith('WORKFLOW_TASK_')) return withMessage(`Workflow task ${row.action}`, row.message);
      if (row.action === 'step recorded') return `Step ${(row.step && context.labelOf?.(row.step)) ?? row.step ?? ''} entered`;
      if (row.action === 'marker recorded') return `Marker ${name ?? ''} recorded`;
      if (row.internal) return capitalised(row.action);
      return withMessage(`Workflow ${row.action}`, row.message);
  }
}

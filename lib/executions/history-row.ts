/**
 * The timeline's row for one history event, as GET /api/executions/{id}/history sends it
 * (built by history-decode.ts; read by components/execution/HistoryTimeline.tsx). Types only.
 */

/** What an event is about: the timeline's filter chips. */
export type HistoryKind = 'workflow' | 'signal' | 'update' | 'activity' | 'timer' | 'child';

export interface HistoryEventRow {
  id: number;
  /** ISO time. */
  time: string;
  /** Temporal's name, e.g. TIMER_STARTED, WORKFLOW_EXECUTION_SIGNALED. */
  type: string;
  kind: HistoryKind;
  /** Bookkeeping an operator rarely needs (workflow tasks, markers, step records): only in the full list. */
  internal?: boolean;
  /** What happened, in words: "received", "scheduled", "failed", "fired", "accepted". */
  action: string;
  /** Events of one activity, update, timer, child or workflow task share a key, e.g. "activity:5". */
  group?: string;
  /** The signal, update, activity type, child workflow type or marker the event names. */
  name?: string;
  attempt?: number;
  /** A failure's, rejection's or termination's whole message. */
  message?: string;
  /** A timer's duration in words ("7 days"). */
  duration?: string;
  /** The same in seconds (the timeline matches it against the design's timers and waits). */
  seconds?: number;
  timerId?: string;
  activityId?: string;
  childWorkflowId?: string;
  /** The design step the workflow recorded (SignalboxStep search attribute). */
  step?: string;
  /** The value the event carries (input, result) or its other attributes, as plain JSON. */
  details?: unknown;
}

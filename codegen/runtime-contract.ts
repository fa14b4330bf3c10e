/**
 * What every generated workflow promises the monitor: a query answering the current step,
 * the path taken (node ids) and the variables, so the canvas can light up without guessing.
 * The generated step-tracking.ts (templates/step-tracking.ts.hbs) keeps it, and step-tracking.test.ts
 * holds its names to the ones here.
 */
export const DESIGNER_STATE_QUERY = '__signalbox_state';

export interface DesignerState {
  /** The node id of the flow step the execution is in (or last left, once closed). */
  currentStep: string;
  /** Node ids of the flow steps entered, oldest first (capped to the most recent entries). */
  path: string[];
  variables: Record<string, unknown>;
  /**
   * Signals the workflow did not apply because their payload did not match the design's declared
   * types (the generated payload-checks.ts), the most recent 20, oldest first. Absent from
   * workflows generated before payloads were checked.
   */
  refusedMessages?: RefusedMessage[];
}

export interface RefusedMessage {
  /** The signal's name on the wire. */
  name: string;
  /** Which field was wrong and how, e.g. `Field "approverName" of the arguments of signal "approve" is required`. */
  reason: string;
  /** Workflow time (ISO 8601) when it was refused. */
  at: string;
}

/**
 * Custom search attributes (registered on the dev server at start) the monitor lists and filters
 * executions by. The app sets all of them when it starts an execution; the step starts as the
 * first step every execution sits in (codegen/step-recording.ts). Generated workflows upsert `step`
 * on entering a step they can sit in (`stepTracker.enterWaiting`: waits, long timers, activities, awaited
 * children), so the list finds an execution by where it waits; the designer query stays the live source.
 */
export const SEARCH_ATTRIBUTES = {
  design: { name: 'SignalboxDesign', type: 'Keyword' },
  deployment: { name: 'SignalboxDeployment', type: 'Keyword' },
  version: { name: 'SignalboxVersion', type: 'Int' },
  step: { name: 'SignalboxStep', type: 'Keyword' },
} as const;

/**
 * What every generated workflow promises the monitor: a query answering the current step,
 * the path taken (node ids) and the variables, so the canvas can light up without guessing.
 */
export const DESIGNER_STATE_QUERY = '__signalbox_state';

export interface DesignerState {
  /** The node id of the flow step the execution is in (or last left, once closed). */
  currentStep: string;
  /** Node ids of the flow steps entered, oldest first (capped to the most recent entries). */
  path: string[];
  variables: Record<string, unknown>;
}

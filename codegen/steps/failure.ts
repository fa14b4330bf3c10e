import { z } from 'zod';

/**
 * Failures as paths on the canvas: an activity or a waited-for child workflow with `onFailure`
 * offers a "failure" output, taken once its retries are spent instead of failing the run; the
 * steps on that path read `failure.type` and `failure.message` (the application error's).
 * Which steps those are: codegen/validate/failure-paths.ts; the generated try/catch:
 * partials/step-failure.hbs.
 */

/** The output taken when the call failed for good. */
export const FAILURE_OUTPUT = 'failure';

/** The name the steps on a failure path read what failed under. */
export const FAILURE_NAME = 'failure';

/** The node field that draws the failure output. */
export const onFailureField = {
  /** Continue through "failure" when the call fails after its retries (otherwise the failure fails the run). */
  onFailure: z.boolean().optional(),
};

/** The outputs of a step that may catch its failure. */
export function outputsWithFailure(node: { onFailure?: boolean }): string[] {
  return node.onFailure ? ['next', FAILURE_OUTPUT] : ['next'];
}

/** The SDK functions and classes a catching step's code uses: its failure class, and isCancellation (a cancelled run is not a failure to handle). */
export function failureImports(node: { onFailure?: boolean }, failureClass: 'ActivityFailure' | 'ChildWorkflowFailure'): string[] {
  return node.onFailure ? [failureClass, 'isCancellation'] : [];
}

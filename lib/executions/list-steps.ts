/**
 * The step each row of the executions list shows, in words: its label from the design version the
 * execution runs (node ids like `CJrAcOoJ-4` mean nothing to an operator), and for a closed
 * execution the step it ENDED at.
 *
 * Visibility's SignalboxStep holds the last step an execution could sit in (a wait, an activity…):
 * the generated workflow does not upsert on instant steps, so a completed run's attribute names the
 * wait it passed, not the End it finished on. The End is found the way the execution page finds it:
 * the designer query, which a worker answers for a closed execution too by replaying its history.
 * A closed run never changes, so the answer is kept per run id and asked once; when no worker answers
 * (a retired deployment) the recorded step is shown and said to be only the last one recorded.
 */
import 'server-only';
import { DESIGNER_STATE_QUERY, type DesignerState } from '@/codegen/design';
import { getVersion } from '@/db/repository';
import { getTemporalClient } from '../temporal-client';

/** How long one designer query may take (a closed run's is answered by replaying its history). */
const STEP_QUERY_TIMEOUT_MS = 2000;
/** Closed runs whose end step is kept; beyond this the oldest are forgotten and asked again if shown. */
const ENDED_CACHE_LIMIT = 20_000;
/** A closed run whose query failed is not asked again before this (no worker: every refresh would wait for the timeout). */
const RETRY_AFTER_MS = 60_000;

/** Where the row's step comes from: the running execution's live step, the step a closed one ended at, or the last recorded. */
export type StepSource = 'live' | 'ended' | 'recorded';

export interface StepRow {
  workflowId: string;
  runId: string;
  status: string;
  designId: string | null;
  designVersion: number | null;
  step: string | null;
  stepLabel: string | null;
  stepSource: StepSource;
}

const endedAt = new Map<string, string>();
const failedAt = new Map<string, number>();
const labelsByVersion = new Map<string, Promise<Map<string, string> | null>>();

/** Node id → label of one design version (versions never change once saved: loaded once). */
export function stepLabels(designId: string, version: number): Promise<Map<string, string> | null> {
  const key = `${designId}@${version}`;
  let labels = labelsByVersion.get(key);
  if (!labels) {
    labels = getVersion({ id: designId, version }).then(
      (stored) => (stored ? new Map(stored.design.nodes.map((node) => [node.id, node.label?.trim() || node.id])) : null),
      () => null,
    );
    labels.then((found) => found === null && labelsByVersion.delete(key), () => labelsByVersion.delete(key));
    labelsByVersion.set(key, labels);
  }
  return labels;
}

async function designerStep(workflowId: string, runId: string): Promise<string> {
  const client = await getTemporalClient();
  const state = await client.connection.withDeadline(Date.now() + STEP_QUERY_TIMEOUT_MS, () =>
    client.workflow.getHandle(workflowId, runId).query<DesignerState>(DESIGNER_STATE_QUERY),
  );
  return state.currentStep;
}

function rememberEnd(runId: string, step: string): void {
  if (endedAt.size >= ENDED_CACHE_LIMIT) endedAt.delete(endedAt.keys().next().value!);
  endedAt.set(runId, step);
}

/** The step a closed run ended at, or null when no worker answers now. */
async function endStep(row: StepRow): Promise<string | null> {
  const known = endedAt.get(row.runId);
  if (known !== undefined) return known;
  const failed = failedAt.get(row.runId);
  if (failed !== undefined && Date.now() - failed < RETRY_AFTER_MS) return null;
  try {
    const step = await designerStep(row.workflowId, row.runId);
    failedAt.delete(row.runId);
    rememberEnd(row.runId, step);
    return step;
  } catch {
    if (failedAt.size >= ENDED_CACHE_LIMIT) failedAt.clear();
    failedAt.set(row.runId, Date.now());
    return null;
  }
}

/**
 * Fills in each row's step (live for running rows when `live`, the end step for closed ones) and its
 * label, in place. Rows of the page are asked in parallel; a row nobody answers for keeps the recorded step.
 */
export async function resolveSteps(rows: StepRow[], { live }: { live: boolean }): Promise<void> {
  await Promise.all(
    rows.map(async (row) => {
      if (row.status === 'RUNNING') {
        if (!live) return;
        try {
          row.step = await designerStep(row.workflowId, row.runId);
          row.stepSource = 'live';
        } catch {
          // no worker answering right now: keep the recorded step
        }
        return;
      }
      const ended = await endStep(row);
      if (ended !== null) {
        row.step = ended;
        row.stepSource = 'ended';
      }
    }),
  );
  await Promise.all(
    rows.map(async (row) => {
      if (!row.step || !row.designId || row.designVersion === null) return;
      row.stepLabel = (await stepLabels(row.designId, row.designVersion))?.get(row.step) ?? null;
    }),
  );
}

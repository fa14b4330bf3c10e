/**
 * The deploy pipeline, reported stage by stage:
 *   validate → generate → typecheck → bundle → replay → start-worker
 * validate/generate compile the design; typecheck, bundle and replay run in a separate, warm
 * process (lib/deploy/verifier.ts → worker/verify-cli.ts --serve: Next.js never loads the TypeScript
 * compiler, webpack or the replayer; a fresh one-shot process is the fallback);
 * replay runs recent histories of the design's executions against the new bundle;
 * start-worker records the deployment as a new Worker Deployment Version of the design (its build
 * id, on the design's stable task queue; docs/versioning.md), waits until a worker host polls the
 * queue as that version — or fails at once when a worker host records why it could not start the
 * worker (e.g. a custom activity that throws while loading) — then makes it the current version,
 * or the ramping one at the percentage asked for. Nothing half-deployed remains: the deployment is
 * recorded only after verification, and retired again when no worker picks it up or Temporal
 * refuses to route to it.
 * Older versions keep their workers until Temporal reports them drained (pinned executions finish
 * on the version they started on); the server sends new executions to the current version.
 */
import 'server-only';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import protoPackage from '@temporalio/proto';
import { compileDesign } from '@/codegen';
import type { Diagnostic } from '@/codegen/design';
import {
  beginDeployIntent,
  createDeployment,
  endDeployIntent,
  deploymentWorkerError,
  getDeployment,
  getLatestVersion,
  designVersioningBehavior,
  getVersion,
  latestDeployment,
  newDeploymentId,
  setDeploymentStatus,
  type DeploymentSummary,
} from '@/db/repository';
import type { StoredFile, StoredReplayCheck, WorkerStartError } from '@/db/schema';
import type { ReplayReport, VerifyReport } from './verify-report';
import { customActivitiesEnabled, customActivitiesOffMessage } from '../custom-activities-setting';
import { ApiError } from '../api/errors';
import { NotFoundError } from '../errors';
import { visibilityLiteral } from '../executions/list';
import { buildsDir } from '../paths';
import { getTemporalClient } from '../temporal-client';
import { resolveDesignReferences } from './references';
import { verifyFresh, verifyWarm } from './verifier';
import { currentBuildId, routeToVersion, versionPolled } from './version-rollout';
import { versionTheDraft } from './version-from-draft';
import { buildIdOf, designTaskQueue } from './versioning-names';
import { waitForWorker } from './worker-wait';

/** How long a new deployment may take to be polled by a worker host before it is retired again. */
const WORKER_WAIT_MS = Number(process.env.SIGNALBOX_WORKER_WAIT_MS ?? 30_000);
/** How many recent executions of the current deployment are replayed against the new code. */
const REPLAY_LIMIT = Number(process.env.SIGNALBOX_REPLAY_LIMIT ?? 20);

export const DEPLOY_STAGES = ['validate', 'generate', 'typecheck', 'bundle', 'replay', 'start-worker'] as const;
export type DeployStage = (typeof DEPLOY_STAGES)[number] | 'verify';

export interface DeployProgress {
  stage: DeployStage;
  state: 'running' | 'done' | 'failed' | 'skipped' | 'warning';
  ms?: number;
  message?: string;
}

export interface DeployTimings {
  compile: number;
  typecheck: number;
  bundle: number;
  replay: number;
  /** The verify process, start to exit (includes loading TypeScript and webpack). */
  verify: number;
  /** From recording the deployment to a worker polling its task queue as the new version, and the version routed to. */
  startWorker: number;
  total: number;
}

export type DeployResult =
  | { ok: true; deployment: DeploymentSummary; timings: DeployTimings; replay: ReplayReport | null; warnings: string[] }
  | {
      ok: false;
      stage: DeployStage;
      diagnostics: Diagnostic[];
      timings: Partial<DeployTimings>;
      /** Set when the refusal is the replay check: the user may deploy anyway (force). */
      replay?: ReplayReport;
    };

type Progress = (event: DeployProgress) => void;

/** Why the replay check had nothing to run: each case in its own words (the UI shows them as they are). */
export const REPLAY_SKIPPED = {
  firstDeploy: 'no earlier deployment of this design to compare with',
  noExecutions: (version: number) => `no executions of version ${version} to compare with`,
} as const;

function replaySkippedReason(current: DeploymentSummary | null, input: { histories: unknown[]; note?: string } | null): string {
  if (!current || !input) return REPLAY_SKIPPED.firstDeploy;
  if (input.note) return `could not read the executions of version ${current.version}: ${input.note.replace(/^The replay check was skipped: /, '')}`;
  return REPLAY_SKIPPED.noExecutions(current.version);
}

/** The warm verifier answers once at the end: report its stages from the report. */
function relayStages(report: VerifyReport, onProgress: Progress, replaySkipped: string): void {
  const failedAt = report.ok ? null : report.stage;
  onProgress({ stage: 'typecheck', state: failedAt === 'typecheck' ? 'failed' : 'done', ms: report.ms.typecheck });
  if (failedAt === 'typecheck') return;
  onProgress({ stage: 'bundle', state: failedAt === 'bundle' ? 'failed' : 'done', ms: report.ms.bundle });
  if (failedAt === 'bundle') return;
  if (!report.replay) onProgress({ stage: 'replay', state: 'skipped', message: replaySkipped });
  else onProgress({ stage: 'replay', state: report.replay.incompatible.length > 0 ? 'warning' : 'done', ms: report.ms.replay });
}

function verifyFailure(message: string): Diagnostic[] {
  return [{ severity: 'error', code: 'verify.failed', message }];
}

/**
 * Recent histories (running and closed) of the deployment new executions start on now, for the
 * replay check. Null when there is nothing to compare with or Temporal cannot be asked.
 */
async function currentHistories(current: DeploymentSummary | null): Promise<{ histories: unknown[]; note?: string } | null> {
  if (!current || REPLAY_LIMIT <= 0) return null;
  try {
    const client = await getTemporalClient();
    const histories: unknown[] = [];
    for await (const info of client.workflow.list({ query: `TaskQueue = ${visibilityLiteral(current.taskQueue)}`, pageSize: REPLAY_LIMIT })) {
      const history = await client.workflow.getHandle(info.workflowId, info.runId).fetchHistory();
      // Binary protobuf (base64): exact, and independent of which copy of the proto classes decodes it.
      const bytes = protoPackage.temporal.api.history.v1.History.encode(history).finish();
      histories.push({ workflowId: info.workflowId, history: Buffer.from(bytes).toString('base64') });
      if (histories.length >= REPLAY_LIMIT) break;
    }
    return { histories };
  } catch (error) {
    return { histories: [], note: `The replay check was skipped: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Waits for the deployment's worker (lib/deploy/worker-wait.ts): its recorded start failure from the
 * database; from Temporal, the design's queue listed under the new version (some worker polls as it).
 */
function waitForDeploymentWorker(deployment: DeploymentSummary): Promise<'polled' | 'timeout' | WorkerStartError> {
  return waitForWorker<WorkerStartError>(
    {
      failure: () => deploymentWorkerError({ id: deployment.id }),
      polled: () => versionPolled({ designId: deployment.designId, buildId: deployment.buildId!, taskQueue: deployment.taskQueue }),
    },
    WORKER_WAIT_MS,
  );
}

/** The JavaScript the verifier compiled from each custom activity (activities/<name>.mjs), which the worker host loads. */
async function compiledActivities(dir: string, files: { path: string }[]): Promise<StoredFile[]> {
  const sources = files.filter((f) => /^activities\/[A-Za-z_][A-Za-z0-9_]*\.ts$/.test(f.path));
  return Promise.all(
    sources.map(async (f) => {
      const path = f.path.replace(/\.ts$/, '.mjs');
      return { path, contents: await readFile(join(dir, path), 'utf8') };
    }),
  );
}

/**
 * Records the verified files and bundle as a new Worker Deployment Version of the design, waits for
 * a worker to poll it and routes new executions to it (current, or ramping at `ramp` %); retires it
 * again when no worker polls it or Temporal refuses the routing.
 */
async function recordAndStart(
  fields: { id?: string; designId: string; version: number; workflowType: string; files: StoredFile[]; bundle: string; replay?: StoredReplayCheck | null },
  ramp: number | undefined,
  onProgress: Progress,
): Promise<{ deployment: DeploymentSummary; ms: number } | { error: Diagnostic[]; ms: number }> {
  const started = Date.now();
  onProgress({ stage: 'start-worker', state: 'running' });
  const placement = (id: string) => ({ taskQueue: designTaskQueue(fields.designId), buildId: buildIdOf({ version: fields.version, id }) });
  const { bundle: _bundle, ...deployment } = await createDeployment({ ...fields, placement });
  const outcome = await waitForDeploymentWorker(deployment);
  let routingError = '';
  if (outcome === 'polled') {
    try {
      await routeToVersion({ designId: deployment.designId, buildId: deployment.buildId!, ramp });
      const ms = Date.now() - started;
      onProgress({ stage: 'start-worker', state: 'done', ms, message: ramp === undefined ? `build ${deployment.buildId} is current` : `build ${deployment.buildId} ramps at ${ramp} %` });
      return { deployment, ms };
    } catch (error) {
      routingError = error instanceof Error ? error.message : String(error);
    }
  }
  await setDeploymentStatus({ id: deployment.id, status: 'retired' });
  const ms = Date.now() - started;
  const diagnostic: Diagnostic =
    outcome === 'polled'
      ? {
          severity: 'error',
          code: 'deploy.routing-failed',
          message: `Temporal refused to make build ${deployment.buildId} ${ramp === undefined ? 'the current version' : `ramp at ${ramp} %`}: ${routingError} (the deployment was withdrawn)`,
        }
      : outcome === 'timeout'
      ? {
          severity: 'error',
          code: 'deploy.no-worker',
          message: `No worker host started the deployment's worker on ${deployment.taskQueue} within ${Math.round(WORKER_WAIT_MS / 1000)} s; the deployment was withdrawn. Is a worker host running (npm start runs one)? Its log says why a worker could not start.`,
        }
      : {
          severity: 'error',
          code: 'deploy.worker-failed',
          message: `The worker host could not start the deployment's worker (${outcome.stage === 'load-activities' ? 'loading custom activities' : 'creating the worker'}): ${outcome.message} (the deployment was withdrawn)`,
          ...(outcome.activity !== undefined ? { activity: outcome.activity } : {}),
        };
  onProgress({ stage: 'start-worker', state: 'failed', ms, message: diagnostic.message });
  return { error: [diagnostic], ms };
}

export async function deployDesignVersion({
  designId,
  version,
  force = false,
  ramp,
  onProgress = () => {},
}: {
  designId: string;
  version?: number;
  /** Deploy even when the replay check finds running executions the new code would break (never for an auto-upgrade design). */
  force?: boolean;
  /** Deploy as the ramping version with this share (0 < ramp < 100) of new executions; the current version keeps the rest. */
  ramp?: number;
  onProgress?: Progress;
}): Promise<DeployResult> {
  const started = Date.now();
  // A ramp shares new executions with the current version: there must be one (else the rest would reach no worker).
  if (ramp !== undefined && (await currentBuildId(designId)) === null) {
    throw new ApiError(409, 'deploy.ramp-without-current', `Design ${designId} has no current version yet: deploy it without "ramp" first, then ramp the next version`, { field: 'ramp' });
  }
  onProgress({ stage: 'validate', state: 'running' });
  // Deploying the latest deploys the draft: it becomes a version first.
  if (version === undefined) await versionTheDraft(designId);
  const row = version === undefined ? await getLatestVersion({ id: designId }) : await getVersion({ id: designId, version });
  if (!row) {
    throw new NotFoundError(
      version === undefined ? `Design ${designId} not found` : `Version ${version} of design ${designId} not found`,
      version === undefined ? 'design.not-found' : 'version.not-found',
    );
  }

  // Switched off by the admin: refused before anything is built, naming the activity.
  const refusedActivity = customActivitiesEnabled() ? undefined : row.design.activities?.[0]?.name;
  if (refusedActivity !== undefined) {
    onProgress({ stage: 'validate', state: 'failed', ms: Date.now() - started });
    const diagnostic: Diagnostic = { severity: 'error', code: 'deploy.custom-activities-off', activity: refusedActivity, message: customActivitiesOffMessage(refusedActivity) };
    return { ok: false, stage: 'validate', diagnostics: [diagnostic], timings: { compile: 0, total: Date.now() - started } };
  }

  // Designs it names resolve to their task queues; one not deployed refuses the deploy, named.
  const compiled = await compileDesign(row.design, { designs: await resolveDesignReferences(row.design) });
  const compileMs = Date.now() - started;
  if (!compiled.ok || !compiled.workflowType) {
    onProgress({ stage: 'validate', state: 'failed', ms: compileMs });
    return { ok: false, stage: 'validate', diagnostics: compiled.diagnostics, timings: { compile: compileMs, total: Date.now() - started } };
  }
  onProgress({ stage: 'validate', state: 'done', ms: compileMs });

  const deploymentId = newDeploymentId();
  const dir = join(buildsDir(), deploymentId);
  let keep = false;
  // Worker hosts poll faster while it exists: the new version's worker then starts right after it is recorded.
  await beginDeployIntent({ id: deploymentId });
  try {
    onProgress({ stage: 'generate', state: 'running' });
    const generateStarted = Date.now();
    for (const file of compiled.files) {
      const target = join(dir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
    }
    const current = await latestDeployment({ designId });
    const replayInput = await currentHistories(current);
    const replaySkipped = replaySkippedReason(current, replayInput);
    if (replayInput && replayInput.histories.length > 0) {
      await writeFile(join(dir, 'replay-histories.json'), JSON.stringify({ fromDeployment: current!.id, histories: replayInput.histories }));
    }
    onProgress({ stage: 'generate', state: 'done', ms: Date.now() - generateStarted });

    const verifyStarted = Date.now();
    let report: VerifyReport | null;
    let failureTail = '';
    try {
      // The warm verifier answers in about a second; it reports its stages when done.
      onProgress({ stage: 'typecheck', state: 'running' });
      report = await verifyWarm(dir);
      relayStages(report, onProgress, replaySkipped);
    } catch (warmError) {
      // The warm verifier crashed or hung: verify once in a fresh process instead (its skipped replay gets the same words).
      const run = await verifyFresh(dir, (event) =>
        onProgress(event.stage === 'replay' && event.state === 'skipped' ? { ...event, message: replaySkipped } : event));
      try {
        report = JSON.parse(await readFile(join(dir, 'verify.json'), 'utf8')) as VerifyReport;
      } catch {
        report = null;
      }
      failureTail = `${warmError instanceof Error ? warmError.message : String(warmError)}\n${run.output.trim().split('\n').slice(-15).join('\n')}`;
      if (report && run.code !== 0) report.ok = false;
    }
    const verifyMs = Date.now() - verifyStarted;
    const timings = {
      compile: compileMs,
      typecheck: report?.ms.typecheck ?? 0,
      bundle: report?.ms.bundle ?? 0,
      replay: report?.ms.replay ?? 0,
      verify: verifyMs,
    };
    if (!report) {
      return {
        ok: false,
        stage: 'verify',
        diagnostics: verifyFailure(`The verification ended without a report:\n${failureTail}`),
        timings: { ...timings, total: Date.now() - started },
      };
    }
    if (!report.ok) {
      const stage = report.stage === 'done' ? 'verify' : report.stage;
      const diagnostics = report.diagnostics.length ? report.diagnostics : verifyFailure('Verification failed');
      return { ok: false, stage, diagnostics, timings: { ...timings, total: Date.now() - started } };
    }

    const warnings: string[] = [];
    if (replayInput?.note) warnings.push(replayInput.note);
    const replay = report.replay ?? null;
    const firstBreak = replay?.incompatible[0];
    // Auto-upgrade moves running executions onto the new version: only when their replay passed.
    if ((firstBreak || replayInput?.note) && (await designVersioningBehavior({ designId })) === 'auto-upgrade') {
      const why = firstBreak
        ? `the new code would break ${replay!.incompatible.length} of ${replay!.checked} recent executions (${firstBreak.workflowId}: ${firstBreak.message})`
        : `the replay check could not run (${replayInput!.note})`;
      throw new ApiError(
        409,
        'deploy.auto-upgrade-replay',
        `Design ${designId} auto-upgrades its running executions to the new version, and ${why}. Fix the design, or switch the design to pinned (running executions then finish on their own version) and deploy again.`,
        { field: 'versioningBehavior' },
      );
    }
    if (replay && firstBreak) {
      const message =
        `The new code would break ${replay.incompatible.length} of ${replay.checked} recent executions of version ${current!.version} if they ran on it ` +
        `(${firstBreak.workflowId}: ${firstBreak.message}). ` +
        'Deploying anyway is safe: the design pins executions to their Worker Deployment Version, so running executions finish on the code they started with; only new executions use the new version.';
      if (!force) {
        return {
          ok: false,
          stage: 'replay',
          diagnostics: [{ severity: 'warning', code: 'deploy.replay-incompatible', message }],
          timings: { ...timings, total: Date.now() - started },
          replay,
        };
      }
      warnings.push(message);
    }

    const bundle = await readFile(join(dir, 'bundle.js'), 'utf8');
    const recorded = await recordAndStart(
      {
        id: deploymentId,
        designId,
        version: row.version,
        workflowType: compiled.workflowType,
        files: [...compiled.files.map(({ path, contents }) => ({ path, contents })), ...(await compiledActivities(dir, compiled.files))],
        bundle,
        replay: replayInput?.note ? { checked: 0, incompatible: [], skipped: replayInput.note } : (replay ?? { checked: 0, incompatible: [] }),
      },
      ramp,
      onProgress,
    );
    if ('error' in recorded) {
      return { ok: false, stage: 'start-worker', diagnostics: recorded.error, timings: { ...timings, startWorker: recorded.ms, total: Date.now() - started } };
    }
    keep = true;
    return { ok: true, deployment: recorded.deployment, timings: { ...timings, startWorker: recorded.ms, total: Date.now() - started }, replay, warnings };
  } finally {
    // A failure here must not hide the deploy's own outcome: a stale intent only speeds polling for a minute.
    await endDeployIntent({ id: deploymentId }).catch(() => {});
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Redeploy: makes an older deployment's code the one new executions start on, by recording its
 * stored files and bundle again as a new Worker Deployment Version (a new build id) and making it
 * current — no rebuild, and the deployment history stays append-only. (The instant rollback to a
 * version still running is setting the current version: lib/deploy/versioning.ts.)
 */
export async function redeploy({ deploymentId, onProgress = () => {} }: { deploymentId: string; onProgress?: Progress }): Promise<DeployResult> {
  const started = Date.now();
  const old = await getDeployment({ id: deploymentId });
  if (!old) throw new NotFoundError(`Deployment ${deploymentId} not found`, 'deployment.not-found');
  const refusedActivity = customActivitiesEnabled() ? undefined : old.files.map((f) => /^activities\/(\w+)\.mjs$/.exec(f.path)?.[1]).find(Boolean);
  if (refusedActivity !== undefined) {
    const diagnostic: Diagnostic = { severity: 'error', code: 'deploy.custom-activities-off', activity: refusedActivity, message: customActivitiesOffMessage(refusedActivity) };
    return { ok: false, stage: 'validate', diagnostics: [diagnostic], timings: { compile: 0, typecheck: 0, bundle: 0, replay: 0, verify: 0, total: Date.now() - started } };
  }
  for (const stage of ['validate', 'generate', 'typecheck', 'bundle', 'replay'] as const) {
    onProgress({ stage, state: 'skipped', message: `reusing the verified code of deployment ${deploymentId}` });
  }
  const id = newDeploymentId();
  await beginDeployIntent({ id });
  // The replay check is not carried over: it compared that code with the executions of its time.
  const recorded = await recordAndStart(
    { id, designId: old.designId, version: old.version, workflowType: old.workflowType, files: old.files, bundle: old.bundle },
    undefined,
    onProgress,
  ).finally(() => endDeployIntent({ id }).catch(() => {}));
  const base = { compile: 0, typecheck: 0, bundle: 0, replay: 0, verify: 0 };
  if ('error' in recorded) {
    return { ok: false, stage: 'start-worker', diagnostics: recorded.error, timings: { ...base, startWorker: recorded.ms, total: Date.now() - started } };
  }
  return {
    ok: true,
    deployment: recorded.deployment,
    timings: { ...base, startWorker: recorded.ms, total: Date.now() - started },
    replay: null,
    warnings: [`Rolled back: new executions start on version ${old.version} again (the code of deployment ${deploymentId}).`],
  };
}

import { DEPLOY_STAGE_NAMES, type DeployProgressLine, type DeployStageName } from '../execution/monitor-api';

/**
 * Each deploy stage's outcome in words ("Type check: passed in 0.4 s", "Replay check: skipped —
 * first deploy"), so the strip says everything on screen and nothing hides in a tooltip.
 */

export type StageTone = 'pending' | 'running' | 'passed' | 'skipped' | 'failed' | 'warning';

export interface StageOutcome {
  name: DeployStageName;
  label: string;
  /** What happened, in words, after the label. */
  words: string;
  tone: StageTone;
}

/** What the designer knows around a deploy that the server's progress lines do not say. */
export interface StageContext {
  /** The deploy has ended (refused or failed): a stage never reached did not run. */
  ended: boolean;
  /** The design had an active deployment before this deploy (null: not known). */
  hadActiveDeployment: boolean | null;
}

export const STAGE_LABEL: Record<DeployStageName, string> = {
  validate: 'Validate',
  generate: 'Generate code',
  typecheck: 'Type check',
  bundle: 'Bundle',
  replay: 'Replay check',
  'start-worker': 'Start worker',
};

const RUNNING_WORDS: Record<DeployStageName, string> = {
  validate: 'checking the design…',
  generate: 'writing the workflow code…',
  typecheck: 'checking the generated code…',
  bundle: 'bundling…',
  replay: 'replaying recent executions…',
  'start-worker': 'waiting for a worker to poll…',
};

const DONE_WORDS: Record<DeployStageName, string> = {
  validate: 'passed',
  generate: 'done',
  typecheck: 'passed',
  bundle: 'done',
  replay: 'passed',
  'start-worker': 'polling',
};

/** The server's reason when there was nothing to replay (lib/deploy/pipeline.ts). */
const NOTHING_TO_REPLAY = 'no earlier deployment of this design to compare with';
/** The server's reason on a rollback or promote (the code was verified when first deployed). */
const REUSED_CODE = 'reusing the verified code of deployment';

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "build v3-k2x9… is current" → "version 3 is current": the version people know, not the build id. */
function routingWords(message: string): string {
  const routed = /^build v(\d+)-\S+ (.+)$/.exec(message);
  return routed ? `version ${routed[1]} ${routed[2]}` : message;
}

function skippedReason(name: DeployStageName, message: string | undefined, context: StageContext): string {
  if (message?.startsWith(REUSED_CODE)) return 'code already verified when first deployed';
  if (name === 'replay' && (message === undefined || message === NOTHING_TO_REPLAY)) {
    // The server says the same when the previous version has no executions: tell the two apart.
    if (context.hadActiveDeployment === true) return 'no executions of the previous version to compare with';
    if (context.hadActiveDeployment === false) return 'first deploy, nothing to compare with';
    return 'nothing earlier to compare with';
  }
  return message ?? 'not needed';
}

/** One stage's outcome from its latest progress line (undefined: the server has not reached it). */
export function describeStage(name: DeployStageName, line: DeployProgressLine | undefined, context: StageContext): StageOutcome {
  const label = STAGE_LABEL[name];
  const took = line?.ms !== undefined ? ` in ${formatDuration(line.ms)}` : '';
  if (!line) {
    return context.ended
      ? { name, label, words: 'not run', tone: 'pending' }
      : { name, label, words: 'waiting', tone: 'pending' };
  }
  switch (line.state) {
    case 'running':
      return { name, label, words: RUNNING_WORDS[name], tone: 'running' };
    case 'done': {
      const detail = name === 'start-worker' && line.message ? ` — ${routingWords(line.message)}` : '';
      return { name, label, words: `${DONE_WORDS[name]}${took}${detail}`, tone: 'passed' };
    }
    case 'skipped':
      return { name, label, words: `skipped — ${skippedReason(name, line.message, context)}`, tone: 'skipped' };
    case 'warning':
      return { name, label, words: `would break running executions${took} — see below`, tone: 'warning' };
    case 'failed':
      return { name, label, words: `failed${line.ms !== undefined ? ` after ${formatDuration(line.ms)}` : ''} — see below`, tone: 'failed' };
  }
}

/** Every stage in order, described. */
export function describeStages(stages: Partial<Record<DeployProgressLine['stage'], DeployProgressLine>>, context: StageContext): StageOutcome[] {
  return DEPLOY_STAGE_NAMES.map((name) => describeStage(name, stages[name], context));
}

/** The stage a finished deploy stopped at, if one failed or warned. */
export function stoppedAt(stages: Partial<Record<DeployProgressLine['stage'], DeployProgressLine>>): DeployStageName | null {
  return DEPLOY_STAGE_NAMES.find((name) => stages[name]?.state === 'failed' || stages[name]?.state === 'warning') ?? null;
}

import { ACTIVITY_RETRY_DEFAULTS, DEFAULT_ACTIVITY_TIMEOUT, type Duration, type HandlerActivity, type RetryPolicy } from '../schema/design';
import { durationLiteral } from './code';
import type { IrActivityProxy } from './types';

/** What an activity call is made with: the node's Temporal options (absent ones take the defaults). */
export type ActivityCallOptions = Pick<HandlerActivity, 'activity' | 'startToCloseTimeout'> & {
  scheduleToCloseTimeout?: Duration;
  retry?: RetryPolicy;
};

interface ProxyOptions {
  startToCloseTimeout: string;
  scheduleToCloseTimeout: string | null;
  retry: { maximumAttempts: number; initialInterval: string; backoffCoefficient: number; maximumInterval: string; nonRetryableErrorTypes: string[] };
}

/**
 * The activity proxies a workflow declares, collected while its steps and handlers are lowered:
 * one proxy per set of options. Calls with the default options use destructured functions; a proxy
 * with other options is an object named for what differs (activitiesWithin5Minutes, …).
 */
export function activityProxies(): {
  callee(call: ActivityCallOptions): string;
  list(): IrActivityProxy[];
} {
  const proxies = new Map<string, { options: ProxyOptions; name: string | null; functions: Set<string> }>();
  const defaultKey = JSON.stringify(optionsOf({ activity: '' }));
  const names = new Set<string>();
  return {
    callee(call) {
      const options = optionsOf(call);
      const key = JSON.stringify(options);
      let proxy = proxies.get(key);
      if (!proxy) {
        proxy = { options, name: key === defaultKey ? null : uniqueName(proxyObjectName(options), names), functions: new Set() };
        proxies.set(key, proxy);
      }
      proxy.functions.add(call.activity);
      return proxy.name ? `${proxy.name}.${call.activity}` : call.activity;
    },
    list: () =>
      [...proxies.values()]
        .map(({ options, name, functions }) => ({ objectName: name, functions: [...functions].sort(), optionsCode: optionsCode(options) }))
        .sort((a, b) => (a.objectName ?? '').localeCompare(b.objectName ?? '')),
  };
}

function optionsOf(call: ActivityCallOptions): ProxyOptions {
  const retry = call.retry ?? {};
  return {
    startToCloseTimeout: durationLiteral(call.startToCloseTimeout ?? DEFAULT_ACTIVITY_TIMEOUT),
    scheduleToCloseTimeout: call.scheduleToCloseTimeout ? durationLiteral(call.scheduleToCloseTimeout) : null,
    retry: {
      maximumAttempts: retry.maximumAttempts ?? ACTIVITY_RETRY_DEFAULTS.maximumAttempts,
      initialInterval: durationLiteral(retry.initialInterval ?? ACTIVITY_RETRY_DEFAULTS.initialInterval),
      backoffCoefficient: retry.backoffCoefficient ?? ACTIVITY_RETRY_DEFAULTS.backoffCoefficient,
      maximumInterval: durationLiteral(retry.maximumInterval ?? ACTIVITY_RETRY_DEFAULTS.maximumInterval),
      nonRetryableErrorTypes: [...(retry.nonRetryableErrorTypes ?? [])].sort(),
    },
  };
}

/** `{ startToCloseTimeout: '1 minute', retry: { … } }`; durations are already string literals. */
function optionsCode({ startToCloseTimeout, scheduleToCloseTimeout, retry }: ProxyOptions): string {
  const retryFields = [
    `maximumAttempts: ${retry.maximumAttempts}`,
    `initialInterval: ${retry.initialInterval}`,
    `backoffCoefficient: ${retry.backoffCoefficient}`,
    `maximumInterval: ${retry.maximumInterval}`,
    ...(retry.nonRetryableErrorTypes.length ? [`nonRetryableErrorTypes: [${retry.nonRetryableErrorTypes.map((t) => JSON.stringify(t)).join(', ')}]`] : []),
  ];
  const fields = [
    `startToCloseTimeout: ${startToCloseTimeout}`,
    ...(scheduleToCloseTimeout ? [`scheduleToCloseTimeout: ${scheduleToCloseTimeout}`] : []),
    `retry: { ${retryFields.join(', ')} }`,
  ];
  return `{ ${fields.join(', ')} }`;
}

/** "5 minutes" → activitiesWithin5Minutes; 3 attempts → activitiesWith3Attempts; other differences → activitiesWithRetryPolicy. */
function proxyObjectName(options: ProxyOptions): string {
  const defaults = optionsOf({ activity: '' });
  const parts: string[] = [];
  if (options.startToCloseTimeout !== defaults.startToCloseTimeout) parts.push(`Within${words(options.startToCloseTimeout)}`);
  if (options.retry.maximumAttempts !== defaults.retry.maximumAttempts) {
    parts.push(options.retry.maximumAttempts === 1 ? 'WithoutRetries' : `With${options.retry.maximumAttempts}Attempts`);
  }
  if (parts.length === 0) parts.push('WithRetryPolicy');
  return `activities${parts.join('')}`;
}

/** A second proxy that would get the same name gets a number: activitiesWithRetryPolicy2. */
function uniqueName(name: string, taken: Set<string>): string {
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return unique;
}

/** '"5 minutes"' → 5Minutes */
function words(durationLiteralText: string): string {
  return (JSON.parse(durationLiteralText) as string)
    .replace(/\./g, '_')
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

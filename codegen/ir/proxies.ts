import type { Duration, HandlerActivity } from '../schema/design';
import { durationLiteral } from './code';
import type { IrActivityProxy } from './types';

const DEFAULT_ACTIVITY_TIMEOUT: Duration = { amount: 1, unit: 'minutes' };

/**
 * The activity proxies a workflow declares, collected while its steps and handlers are lowered:
 * one proxy per start-to-close timeout; calls with the default timeout use destructured functions.
 */
export function activityProxies(): {
  callee(call: Pick<HandlerActivity, 'activity' | 'startToCloseTimeout'>): string;
  list(): IrActivityProxy[];
} {
  const proxies = new Map<string, Set<string>>();
  const defaultTimeout = durationLiteral(DEFAULT_ACTIVITY_TIMEOUT);
  return {
    callee(call) {
      const timeout = durationLiteral(call.startToCloseTimeout ?? DEFAULT_ACTIVITY_TIMEOUT);
      const functions = proxies.get(timeout) ?? new Set<string>();
      functions.add(call.activity);
      proxies.set(timeout, functions);
      return timeout === defaultTimeout ? call.activity : `${proxyObjectName(timeout)}.${call.activity}`;
    },
    list: () =>
      [...proxies.entries()]
        .map(([timeout, functions]) => ({
          objectName: timeout === defaultTimeout ? null : proxyObjectName(timeout),
          functions: [...functions].sort(),
          startToCloseTimeoutLiteral: timeout,
        }))
        .sort((a, b) => (a.objectName ?? '').localeCompare(b.objectName ?? '')),
  };
}

/** "5 minutes" → activitiesWithin5Minutes */
function proxyObjectName(timeoutLiteral: string): string {
  const words = (JSON.parse(timeoutLiteral) as string).replace(/\./g, '_').split(' ');
  return `activitiesWithin${words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
}

/**
 * The admin's switch for custom activities (designer-written code run on worker
 * hosts): SIGNALBOX_CUSTOM_ACTIVITIES=off refuses deploys of designs with custom activities and
 * keeps worker hosts from running any (docs/custom-activities.md). Read by the web app and the
 * worker host alike, so both refuse the same way.
 */
import 'server-only';

export const CUSTOM_ACTIVITIES_SETTING = 'SIGNALBOX_CUSTOM_ACTIVITIES';

/** `on` (default) or `off`; anything else is a configuration error, named. */
export function customActivitiesEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env[CUSTOM_ACTIVITIES_SETTING] ?? 'on').trim().toLowerCase();
  if (value === 'on' || value === '') return true;
  if (value === 'off') return false;
  throw new Error(`${CUSTOM_ACTIVITIES_SETTING} must be "on" or "off", not ${JSON.stringify(env[CUSTOM_ACTIVITIES_SETTING])}`);
}

/** Why a custom activity is refused while the switch is off (deploys, rollbacks and worker hosts say the same). */
export function customActivitiesOffMessage(activity: string): string {
  return `Custom activity "${activity}" cannot run: custom activities are switched off on this installation (${CUSTOM_ACTIVITIES_SETTING}=off)`;
}

import { activitySpec, BUILTIN_ACTIVITY_SPECS, type CustomActivity, type Design } from '@/codegen/design';

export interface ActivityOption {
  value: string;
  label: string;
}

/** The activities a node can call: the built-ins, then the design's custom ones (and the current value, even when unknown). */
export function activityOptions(custom: CustomActivity[] | undefined, current?: string): ActivityOption[] {
  const options: ActivityOption[] = [
    ...Object.keys(BUILTIN_ACTIVITY_SPECS).map((name) => ({ value: name, label: name })),
    ...(custom ?? []).map((a) => ({ value: a.name, label: `${a.name} (custom)` })),
  ];
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: `${current} (unknown)` });
  return options;
}

/** The argument map for `activity`: one entry per parameter, keeping what was typed for parameters of the same name. */
export function argumentsFor(design: Pick<Design, 'activities'>, activity: string, previous: Record<string, string>): Record<string, string> {
  const spec = activitySpec(design, activity);
  return Object.fromEntries((spec?.parameters ?? []).map((p) => [p.name, previous[p.name] ?? '']));
}

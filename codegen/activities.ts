import { BUILTIN_ACTIVITIES, type ActivityResult, type BuiltinActivity, type CustomActivity, type Design, type ItemType, type RecordField, type ValueType } from './schema/design';

export interface ActivityParameter {
  name: string;
  type: ValueType;
  /** For a list: what it holds (default string), and the fields of a list of objects. */
  items?: ItemType;
  itemFields?: RecordField[];
  description: string;
}

export interface ActivitySpec {
  description: string;
  parameters: ActivityParameter[];
  /** What the activity returns, when it returns something a design can store. */
  result?: ActivityResult;
  /** Whether the design declares it (TypeScript written in the app) rather than the worker host shipping it. */
  custom: boolean;
}

/** The built-in activities a design can call, with the payloads the worker host implements. */
export const BUILTIN_ACTIVITY_SPECS: Record<BuiltinActivity, ActivitySpec> = {
  log: {
    description: 'Writes a message to the worker log',
    parameters: [{ name: 'message', type: 'string', description: 'What to log' }],
    custom: false,
  },
  notify: {
    description: 'Sends a notification to a person or role',
    parameters: [
      { name: 'recipient', type: 'string', description: 'Who is notified' },
      { name: 'message', type: 'string', description: 'What they are told' },
    ],
    custom: false,
  },
  http: {
    description: 'Sends an HTTP request (30-second timeout) and returns the response body; fails on a non-2xx status',
    parameters: [
      { name: 'method', type: 'string', description: 'GET, POST, PUT, PATCH or DELETE' },
      { name: 'url', type: 'string', description: 'The http(s) address' },
      { name: 'body', type: 'string', description: 'The request body (sent when not empty)' },
    ],
    result: { type: 'string' },
    custom: false,
  },
};

export function isBuiltinActivity(name: string): name is BuiltinActivity {
  return (BUILTIN_ACTIVITIES as readonly string[]).includes(name);
}

/** A custom activity's declared signature as a spec (the same shape the built-ins have). */
export function customActivitySpec(activity: CustomActivity): ActivitySpec {
  return {
    description: activity.description?.trim() || `Custom activity ${activity.name}`,
    parameters: activity.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      ...(p.items ? { items: p.items } : {}),
      ...(p.itemFields ? { itemFields: p.itemFields } : {}),
      description: p.label?.trim() || p.name,
    })),
    ...(activity.result ? { result: activity.result } : {}),
    custom: true,
  };
}

/** The activity a node calls by `name`: a built-in, else the design's custom activity of that name; null when neither. */
export function activitySpec(design: Pick<Design, 'activities'>, name: string): ActivitySpec | null {
  if (isBuiltinActivity(name)) return BUILTIN_ACTIVITY_SPECS[name];
  const custom = (design.activities ?? []).find((a) => a.name === name);
  return custom ? customActivitySpec(custom) : null;
}

/** Where a custom activity's source goes in the generated project (and in a deployment). */
export function customActivityPath(name: string): string {
  return `activities/${name}.ts`;
}

/** Modules a custom activity may import: it runs in the worker host, so the list stays short. */
export const CUSTOM_ACTIVITY_ALLOWED_IMPORTS: readonly string[] = ['@temporalio/activity', '@temporalio/common'];

/** Whether a module specifier is allowed in a custom activity: a Node built-in (`node:…`) or one of the allowed packages. */
export function isAllowedActivityImport(specifier: string): boolean {
  return specifier.startsWith('node:') || CUSTOM_ACTIVITY_ALLOWED_IMPORTS.includes(specifier);
}

/** The source a new custom activity starts with: its declared signature and a body to fill in. */
export function customActivityTemplate(activity: Pick<CustomActivity, 'name' | 'parameters' | 'result'>): string {
  const names = activity.parameters.map((p) => p.name);
  const fields = activity.parameters.map((p) => `${p.name}: ${plainTsType(p)}`).join('; ');
  const param = names.length ? `{ ${names.join(', ')} }: { ${fields} }` : '';
  const result = activity.result ? plainTsType(activity.result) : 'void';
  const logged = names.length ? `, { ${names.join(', ')} }` : '';
  const body = activity.result ? `  log.info('${activity.name} called'${logged});\n  throw new Error('${activity.name} is not written yet');` : `  log.info('${activity.name} called'${logged});`;
  return `import { log } from '@temporalio/activity';\n\nexport async function ${activity.name}(${param}): Promise<${result}> {\n${body}\n}\n`;
}

/** How a user's file spells a declared type: money is a decimal string there (the Money type belongs to the generated code). */
export function plainTsType(typed: ActivityResult): string {
  const scalar = (type: string) => (type === 'money' ? 'string' : type);
  if (typed.type !== 'list') return scalar(typed.type);
  if (typed.items === 'object') return `{ ${(typed.itemFields ?? []).map((f) => `${f.name}: ${scalar(f.type)}`).join('; ')} }[]`;
  return `${scalar(typed.items ?? 'string')}[]`;
}

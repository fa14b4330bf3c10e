import type { BuiltinActivity, ValueType } from './schema/design';

export interface ActivityParameter {
  name: string;
  type: ValueType;
  description: string;
}

export interface ActivitySpec {
  description: string;
  parameters: ActivityParameter[];
}

/** The built-in activities a design can call, with the payloads the worker host implements. */
export const BUILTIN_ACTIVITY_SPECS: Record<BuiltinActivity, ActivitySpec> = {
  log: {
    description: 'Writes a message to the worker log',
    parameters: [{ name: 'message', type: 'string', description: 'What to log' }],
  },
  notify: {
    description: 'Sends a notification to a person or role',
    parameters: [
      { name: 'recipient', type: 'string', description: 'Who is notified' },
      { name: 'message', type: 'string', description: 'What they are told' },
    ],
  },
};

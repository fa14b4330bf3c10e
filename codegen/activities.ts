import type { BuiltinActivity, ScalarType, ValueType } from './schema/design';

export interface ActivityParameter {
  name: string;
  type: ValueType;
  description: string;
}

export interface ActivitySpec {
  description: string;
  parameters: ActivityParameter[];
  /** What the activity returns, when it returns something a design can store. */
  result?: ScalarType;
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
  http: {
    description: 'Sends an HTTP request (30-second timeout) and returns the response body; fails on a non-2xx status',
    parameters: [
      { name: 'method', type: 'string', description: 'GET, POST, PUT, PATCH or DELETE' },
      { name: 'url', type: 'string', description: 'The http(s) address' },
      { name: 'body', type: 'string', description: 'The request body (sent when not empty)' },
    ],
    result: 'string',
  },
};

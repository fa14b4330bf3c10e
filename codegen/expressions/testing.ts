/** Shared fixtures for the expression tests (not used by the compiler itself). */
import { parseTextTemplate } from './parser';
import type { Scope } from './types';

export const SCOPE: Scope = {
  names: {
    approved: { kind: 'boolean' },
    count: { kind: 'number' },
    ratio: { kind: 'number' },
    name: { kind: 'string' },
    flag: { kind: 'boolean' },
    input: {
      kind: 'object',
      fields: {
        requestId: { kind: 'string' },
        amount: { kind: 'number' },
        urgent: { kind: 'boolean' },
        address: { kind: 'object', fields: { city: { kind: 'string' } } },
      },
    },
    args: { kind: 'object', fields: { comment: { kind: 'string' } } },
  },
};

/** Runtime values matching SCOPE. */
export const ENV: Readonly<Record<string, unknown>> = {
  approved: false,
  count: 7,
  ratio: 2.5,
  name: '  Bob ',
  flag: true,
  input: { requestId: 'r-1', amount: 12, urgent: true, address: { city: 'Oslo' } },
  args: { comment: 'ok' },
};

/** Evaluates emitted code as the body of a strict-mode function whose parameters are ENV's names. */
export function evaluate(code: string, env: Readonly<Record<string, unknown>> = ENV): unknown {
  const names = Object.keys(env);
  const fn = new Function(...names, `"use strict"; return (${code});`) as (...values: unknown[]) => unknown;
  return fn(...names.map((n) => env[n]));
}

/** Writes any string as a literal of the expression language (escaping what must be escaped). */
export function sourceLiteral(value: string, quote: '"' | "'" = '"', escapeAll = false): string {
  let out = quote;
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (escapeAll || ch.length > 1 || ch.charCodeAt(0) < 0x20) {
      for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** The text parts of a message with `{…}` parts, as they reach generated code (`{{` read as "{"). */
export function templateTextParts(message: string): string[] {
  const parsed = parseTextTemplate(message);
  if (!parsed.ok || parsed.ast.kind !== 'template') return [];
  return parsed.ast.parts.filter((part): part is string => typeof part === 'string');
}

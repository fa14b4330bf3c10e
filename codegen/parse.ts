import type { z } from 'zod';
import type { Diagnostic } from './diagnostics';
import { DesignSchema, type Design } from './schema/design';

export type ParseResult = { ok: true; design: Design } | { ok: false; diagnostics: Diagnostic[] };

/** Stage 1: the raw JSON must match the design schema; each issue names the node and field it concerns. */
export function parseDesign(input: unknown): ParseResult {
  const parsed = DesignSchema.safeParse(input);
  if (parsed.success) return { ok: true, design: parsed.data };
  return { ok: false, diagnostics: parsed.error.issues.map((issue) => issueToDiagnostic(issue, input)) };
}

function issueToDiagnostic(issue: z.core.$ZodIssue, input: unknown): Diagnostic {
  const path = issue.path.map(String);
  const located = locate(path, input);
  const where = located.label ? `${located.label}: ` : '';
  return {
    severity: 'error',
    code: 'schema.invalid',
    message: `${where}${located.field ? `"${located.field}" ` : ''}${issue.message}`,
    ...(located.nodeId ? { nodeId: located.nodeId } : {}),
    ...(located.edgeId ? { edgeId: located.edgeId } : {}),
    ...(located.activity ? { activity: located.activity } : {}),
    ...(located.field ? { field: located.field } : {}),
  };
}

interface Location {
  nodeId?: string;
  activity?: string;
  edgeId?: string;
  field?: string;
  label?: string;
}

/** Turns a zod path such as ["nodes", 3, "timeout", "amount"] into the node it is about. */
function locate(path: string[], input: unknown): Location {
  const [collection, index, ...rest] = path;
  const field = rest.join('.') || undefined;
  if ((collection === 'nodes' || collection === 'edges') && index !== undefined) {
    const item = pick(input, collection, Number(index));
    const id = typeof item?.id === 'string' ? item.id : undefined;
    const name = typeof item?.label === 'string' && item.label ? item.label : id;
    const kind = collection === 'nodes' ? String(item?.type ?? 'node') : 'edge';
    const label = `${capitalise(kind)} ${name ? JSON.stringify(name) : `#${Number(index) + 1}`}`;
    return collection === 'nodes' ? { nodeId: id, field, label } : { edgeId: id, field, label };
  }
  if (collection === 'activities' && index !== undefined) {
    const name = pick(input, collection, Number(index))?.name;
    if (typeof name === 'string') return { activity: name, field, label: `Custom activity ${JSON.stringify(name)}` };
  }
  return { field: path.join('.') || undefined, label: path.length ? 'Design' : undefined };
}

function pick(input: unknown, collection: string, index: number): Record<string, unknown> | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const list = (input as Record<string, unknown>)[collection];
  if (!Array.isArray(list)) return undefined;
  const item: unknown = list[index];
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

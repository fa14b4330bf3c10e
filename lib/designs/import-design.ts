import { DesignSchema, type Design } from '@/codegen/design';

/** Larger files are refused before parsing (a design of 1,000 nodes is well under 1 MB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportProblem {
  /** Where, in words: `node "Await approval" (await-approval) › condition`, or `edges[3] › target`. */
  where: string;
  message: string;
}

export type ImportResult = { ok: true; design: Design } | { ok: false; message: string; problems: ImportProblem[] };

const MAX_PROBLEMS = 8;

/**
 * A design file's text → a design, or a clear refusal naming what is wrong and where
 * (zod issue paths turned into node labels and ids). Accepts a bare design or `{ design }`.
 */
export function parseDesignFile(text: string, fileName = 'The file'): ImportResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) {
    return fail(`${fileName} is ${(bytes / 1024 / 1024).toFixed(1)} MB; designs larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB cannot be imported.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return fail(`${fileName} is not valid JSON: ${err instanceof Error ? err.message : String(err)}.`);
  }
  const candidate = value && typeof value === 'object' && !Array.isArray(value) && 'design' in value && !('nodes' in value)
    ? (value as { design: unknown }).design
    : value;
  if (!candidate || typeof candidate !== 'object' || Array.isArray(candidate)) {
    return fail(`${fileName} does not contain a Signalbox design: expected a JSON object with "nodes" and "edges".`);
  }
  const parsed = DesignSchema.safeParse(candidate);
  if (parsed.success) return duplicates(parsed.data, fileName);
  const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
    where: describePath(candidate, issue.path),
    message: issue.message,
  }));
  const more = parsed.error.issues.length - problems.length;
  return {
    ok: false,
    message: `${fileName} is not a valid Signalbox design (${parsed.error.issues.length} problem${parsed.error.issues.length === 1 ? '' : 's'}${more > 0 ? `, first ${problems.length} shown` : ''}).`,
    problems,
  };
}

function fail(message: string): ImportResult {
  return { ok: false, message, problems: [] };
}

/** Ids must be unique, or edges and diagnostics would point at the wrong node. */
function duplicates(design: Design, fileName: string): ImportResult {
  const problems: ImportProblem[] = [];
  for (const [list, items] of [['nodes', design.nodes], ['edges', design.edges]] as const) {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) problems.push({ where: `${list}[${i}]`, message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
  }
  if (!design.nodes.some((n) => n.type === 'start')) problems.push({ where: 'nodes', message: 'a design needs a Start node' });
  return problems.length === 0 ? { ok: true, design } : { ok: false, message: `${fileName} is not a valid Signalbox design.`, problems };
}

/** `["nodes", 3, "condition"]` → `node "Await approval" (await-approval) › condition`. */
export function describePath(root: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the design';
  const [head, index, ...rest] = path;
  if ((head === 'nodes' || head === 'edges') && typeof index === 'number') {
    const item = (root as Record<string, unknown[]>)[head]?.[index] as Record<string, unknown> | undefined;
    const id = typeof item?.id === 'string' ? item.id : undefined;
    const label = typeof item?.label === 'string' && item.label ? item.label : undefined;
    const who = head === 'nodes'
      ? label ? `node "${label}"${id ? ` (${id})` : ''}` : id ? `node ${id}` : `nodes[${index}]`
      : id ? `edge ${id}` : `edges[${index}]`;
    return rest.length ? `${who} › ${formatPath(rest)}` : who;
  }
  return formatPath(path);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

import type { Design, DesignEdge, DesignNode } from '@/codegen/design';

/**
 * What changed between two versions of a design, as a person reads it: steps (and message
 * handlers, which are nodes too) added, removed or changed by node id with the fields that
 * changed, edges added or removed, and the workflow's inputs, variables and activities by name.
 * Pure: the generated code's diff is lib/versions/code-diff.ts (server: it compiles).
 */
export interface DesignDiff {
  steps: {
    added: StepRef[];
    removed: StepRef[];
    /** Moved only (position) counts too: `fields` is then ['position']. */
    changed: (StepRef & { fields: string[] })[];
  };
  edges: { added: EdgeRef[]; removed: EdgeRef[] };
  /** Workflow-level fields that changed (name, description, tags, resultType, inputArguments). */
  workflow: string[];
  inputs: NamedChanges;
  variables: NamedChanges;
  activities: NamedChanges;
  /** Nothing at all differs. */
  same: boolean;
}

export interface StepRef {
  id: string;
  type: DesignNode['type'];
  label: string;
}

/** An edge by its ends (ids change when an edge is redrawn; what it connects is what matters). */
export interface EdgeRef {
  source: string;
  target: string;
  sourceHandle?: string;
}

export interface NamedChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

const WORKFLOW_FIELDS = ['name', 'description', 'tags', 'resultType', 'inputArguments'] as const;

/** Stable equality for JSON data (key order ignored: jsonb reorders keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function stepRef(node: DesignNode): StepRef {
  const label = 'label' in node && typeof node.label === 'string' && node.label ? node.label : node.id;
  return { id: node.id, type: node.type, label };
}

function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((key) => !sameJson(a[key], b[key]));
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function diffNamed<T>(before: readonly T[] | undefined, after: readonly T[] | undefined, name: (item: T) => string): NamedChanges {
  const a = byKey(before ?? [], name);
  const b = byKey(after ?? [], name);
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && !sameJson(a.get(k), b.get(k))),
  };
}

const edgeKey = (e: DesignEdge) => `${e.source}\u0000${e.sourceHandle ?? 'next'}\u0000${e.target}`;
const edgeRef = (e: DesignEdge): EdgeRef => ({ source: e.source, target: e.target, ...(e.sourceHandle ? { sourceHandle: e.sourceHandle } : {}) });

export function diffDesigns(before: Design, after: Design): DesignDiff {
  const oldNodes = byKey(before.nodes, (n) => n.id);
  const newNodes = byKey(after.nodes, (n) => n.id);
  const steps: DesignDiff['steps'] = {
    added: after.nodes.filter((n) => !oldNodes.has(n.id)).map(stepRef),
    removed: before.nodes.filter((n) => !newNodes.has(n.id)).map(stepRef),
    changed: after.nodes.flatMap((n) => {
      const old = oldNodes.get(n.id);
      if (!old) return [];
      const fields = changedFields(old, n);
      return fields.length ? [{ ...stepRef(n), fields }] : [];
    }),
  };
  const oldEdges = byKey(before.edges, edgeKey);
  const newEdges = byKey(after.edges, edgeKey);
  const edges = {
    added: after.edges.filter((e) => !oldEdges.has(edgeKey(e))).map(edgeRef),
    removed: before.edges.filter((e) => !newEdges.has(edgeKey(e))).map(edgeRef),
  };
  const workflow = WORKFLOW_FIELDS.filter((f) => !sameJson(before[f], after[f]));
  const inputs = diffNamed(before.input, after.input, (f) => f.name);
  const variables = diffNamed(before.variables, after.variables, (v) => v.name);
  const activities = diffNamed(before.activities, after.activities, (a) => a.name);
  const counts = [steps.added, steps.removed, steps.changed, edges.added, edges.removed, workflow, ...[inputs, variables, activities].flatMap((c) => [c.added, c.removed, c.changed])];
  return { steps, edges, workflow, inputs, variables, activities, same: counts.every((list) => list.length === 0) };
}

/** One line of a line diff: kept (' '), removed ('-') or added ('+'), with its line numbers. */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
  /** Line number in the old text (kept and removed lines). */
  oldLine?: number;
  /** Line number in the new text (kept and added lines). */
  newLine?: number;
}

/** Above this many cells the LCS table would be too large: the texts are then shown as replaced whole. */
const MAX_LCS_CELLS = 16_000_000;

/** A longest-common-subsequence line diff of two texts (every line, in order). */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  // Common head and tail are kept without the table: usually most of a file.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const lines: DiffLine[] = [];
  for (let i = 0; i < head; i++) lines.push({ op: ' ', text: a[i], oldLine: i + 1, newLine: i + 1 });
  for (const line of middleDiff(midA, midB)) {
    lines.push({
      ...line,
      ...(line.oldLine !== undefined ? { oldLine: line.oldLine + head } : {}),
      ...(line.newLine !== undefined ? { newLine: line.newLine + head } : {}),
    });
  }
  for (let i = tail; i > 0; i--) lines.push({ op: ' ', text: a[a.length - i], oldLine: a.length - i + 1, newLine: b.length - i + 1 });
  return lines;
}

function middleDiff(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_LCS_CELLS) {
    return [...a.map((text, i): DiffLine => ({ op: '-', text, oldLine: i + 1 })), ...b.map((text, j): DiffLine => ({ op: '+', text, newLine: j + 1 }))];
  }
  // lcs[i][j]: the LCS length of a[i..] and b[j..], row-major in one array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: ' ', text: a[i], oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      out.push({ op: '-', text: a[i], oldLine: i + 1 });
      i++;
    } else {
      out.push({ op: '+', text: b[j], newLine: j + 1 });
      j++;
    }
  }
  for (; i < n; i++) out.push({ op: '-', text: a[i], oldLine: i + 1 });
  for (; j < m; j++) out.push({ op: '+', text: b[j], newLine: j + 1 });
  return out;
}

/** The changed lines with `context` kept lines around each change; gaps between hunks are dropped. */
export function hunks(lines: DiffLine[], context = 3): DiffLine[][] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, index) => {
    if (line.op === ' ') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) keep[k] = true;
  });
  const result: DiffLine[][] = [];
  let current: DiffLine[] | null = null;
  lines.forEach((line, index) => {
    if (!keep[index]) {
      current = null;
      return;
    }
    if (!current) {
      current = [];
      result.push(current);
    }
    current.push(line);
  });
  return result;
}

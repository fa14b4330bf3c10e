import type { Design } from '@/codegen/design';

/**
 * The canonical form of a design for files people keep in git: stable key order, nodes and
 * edges in a stable order, two-space JSON with a final newline. Re-exporting an unchanged
 * design gives the same bytes; moving a node changes only its position lines.
 * Arrays whose order means something (decision branches, assignments, fields) keep their order.
 */

/** Keys that read best first, then the rest alphabetically, then positions last. */
const FIRST_KEYS = ['schemaVersion', 'id', 'type', 'name', 'label', 'description', 'source', 'sourceHandle', 'target'];
const LAST_KEYS = ['nodes', 'edges', 'position'];

function keyRank(key: string): [number, string] {
  const first = FIRST_KEYS.indexOf(key);
  if (first >= 0) return [first, ''];
  const last = LAST_KEYS.indexOf(key);
  if (last >= 0) return [1000 + last, ''];
  return [500, key];
}

function compareKeys(a: string, b: string): number {
  const [ra, ka] = keyRank(a);
  const [rb, kb] = keyRank(b);
  return ra - rb || (ka < kb ? -1 : ka > kb ? 1 : 0);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => compareKeys(a, b));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Start first, then by id; edges by source, output, target, then id. */
export function canonicalDesign(design: Design): Design {
  const nodes = [...design.nodes].sort((a, b) => (a.type === 'start' ? -1 : 0) - (b.type === 'start' ? -1 : 0) || byString(a.id, b.id));
  const edges = [...design.edges].sort(
    (a, b) =>
      byString(a.source, b.source) ||
      byString(a.sourceHandle ?? '', b.sourceHandle ?? '') ||
      byString(a.target, b.target) ||
      byString(a.id, b.id),
  );
  return sortKeys({ ...design, nodes, edges }) as Design;
}

/** The text of an exported design file. */
export function exportDesignJson(design: Design): string {
  return `${JSON.stringify(canonicalDesign(design), null, 2)}\n`;
}

/** A file name for the export: the workflow's name, made safe. */
export function exportFileName(design: Pick<Design, 'name'>): string {
  const base = design.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || 'design'}.signalbox.json`;
}

import type { XY } from './layout';

/** An axis-aligned box: a node, a handle, a label. */
export interface Box extends XY {
  width: number;
  height: number;
}

/** Whether two boxes share more than an edge (touching is not overlapping). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether the segment p→q passes through the inside of `box` (Liang–Barsky clipping). */
export function segmentCrossesBox(p: XY, q: XY, box: Box): boolean {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const clips: [number, number][] = [
    [-dx, p.x - box.x],
    [dx, box.x + box.width - p.x],
    [-dy, p.y - box.y],
    [dy, box.y + box.height - p.y],
  ];
  for (const [denominator, numerator] of clips) {
    if (denominator === 0) {
      // Parallel to this side: inside only strictly between the sides.
      if (numerator <= 0) return false;
      continue;
    }
    const t = numerator / denominator;
    if (denominator < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return t1 - t0 > 1e-9;
}

/** Whether a polyline passes through the inside of `box`. */
export function pathCrossesBox(points: readonly XY[], box: Box): boolean {
  for (let i = 1; i < points.length; i++) if (segmentCrossesBox(points[i - 1]!, points[i]!, box)) return true;
  return false;
}

/** `box` shrunk by `by` on every side (an edge may touch its own node's border at a port). */
export const inset = (box: Box, by: number): Box => ({ x: box.x + by, y: box.y + by, width: box.width - 2 * by, height: box.height - 2 * by });

import type { EdgeRoute, XY } from '@/lib/designs/layout';

/** How far (px) a handle may be from where the layout routed its edge: measured handles differ from the estimate by a pixel or two. */
export const ROUTE_TOLERANCE = 3;

export interface RoutedPath {
  /** SVG path data. */
  path: string;
  /** Centre of the label. */
  labelX: number;
  labelY: number;
}

const near = (a: XY, b: XY) => Math.abs(a.x - b.x) <= ROUTE_TOLERANCE && Math.abs(a.y - b.y) <= ROUTE_TOLERANCE;

/**
 * The path of an edge along the route the auto-layout gave it (lib/designs/layout.ts), when both
 * its ends are still where the route starts and ends; null once a node has moved away (the canvas
 * then draws its usual curve). The ends are the handles' exact positions, the bends the route's.
 */
export function routedPath(route: EdgeRoute | undefined, source: XY, target: XY): RoutedPath | null {
  if (!route || route.points.length < 2 || !near(route.points[0]!, source) || !near(route.points.at(-1)!, target)) return null;
  const points = [source, ...route.points.slice(1, -1), target];
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  const label = route.label;
  if (label) return { path, labelX: label.x + label.width / 2, labelY: label.y + label.height / 2 };
  // No label box: the middle of the longest segment, where a label reads best.
  let best = 1;
  for (let i = 2; i < points.length; i++) {
    const length = (j: number) => Math.abs(points[j]!.x - points[j - 1]!.x) + Math.abs(points[j]!.y - points[j - 1]!.y);
    if (length(i) > length(best)) best = i;
  }
  return { path, labelX: (points[best - 1]!.x + points[best]!.x) / 2, labelY: (points[best - 1]!.y + points[best]!.y) / 2 };
}

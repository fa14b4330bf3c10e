import type { Box } from '@/lib/designs/layout-geometry';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * A node's label is 13 px (app/globals.css `.fnode__label`); below this zoom it would be drawn
 * under 10 px, which is where labels stop being readable (the issue measured ~7 px at Fit). Fit
 * zooms out no further, and below it the canvas shows the overview (fit.ts).
 */
export const NODE_LABEL_PX = 13;
export const MIN_READABLE_TEXT_PX = 10;
export const READABLE_ZOOM = MIN_READABLE_TEXT_PX / NODE_LABEL_PX;

const contains = (o: Box, r: Box) => o.x <= r.x && o.y <= r.y && o.x + o.width >= r.x + r.width && o.y + o.height >= r.y + r.height;

/**
 * The largest free rectangles of `area` once `covered` boxes (the minimap, the toolbar, the zoom
 * controls) are taken out: each box splits every region it overlaps into what lies left, right,
 * above and below it. A handful of boxes gives a handful of regions.
 */
export function freeRegions(area: Box, covered: readonly Box[]): Box[] {
  let regions: Box[] = [area];
  for (const c of covered) {
    const next: Box[] = [];
    for (const r of regions) {
      const overlaps = c.x < r.x + r.width && r.x < c.x + c.width && c.y < r.y + r.height && r.y < c.y + c.height;
      if (!overlaps) {
        next.push(r);
        continue;
      }
      const right = r.x + r.width;
      const bottom = r.y + r.height;
      if (c.x > r.x) next.push({ ...r, width: c.x - r.x });
      if (c.x + c.width < right) next.push({ ...r, x: c.x + c.width, width: right - (c.x + c.width) });
      if (c.y > r.y) next.push({ ...r, height: c.y - r.y });
      if (c.y + c.height < bottom) next.push({ ...r, y: c.y + c.height, height: bottom - (c.y + c.height) });
    }
    // Keep only maximal regions: one inside another adds nothing.
    const unique = next.filter((r, i) => next.findIndex((o) => contains(o, r) && contains(r, o)) === i);
    regions = unique.filter((r) => !unique.some((o) => o !== r && contains(o, r)));
  }
  return regions.filter((r) => r.width > 0 && r.height > 0);
}

export interface FitViewportOptions {
  minZoom: number;
  maxZoom: number;
  /** A fraction of the region kept clear around the design (as React Flow's fitView padding). */
  padding: number;
  /** Zoom out no further than this (text stays readable): the design's top is shown, centred when it fits across. */
  readableZoom?: number;
  /**
   * Where a design too large to show readably is shown from: its steps (without the message
   * handlers). The handlers' lane sits above the flow, and showing the design's top-left would show
   * a grid of queries and no step. Shown from the steps' top, centred on them when they fit across.
   */
  anchor?: Box;
}

/**
 * The viewport showing `bounds` (flow coordinates) in the part of a `width` × `height` canvas
 * that `covered` boxes (screen coordinates inside the canvas) leave free: the free region that
 * allows the largest zoom. With `readableZoom`, a design too large to fit readably is shown from
 * its top (where Start is) at that zoom instead of shrunk into unreadable text.
 */
export function fitViewport(bounds: Box, width: number, height: number, covered: readonly Box[], options: FitViewportOptions): Viewport {
  const { minZoom, maxZoom, padding, readableZoom } = options;
  const zoomFor = (r: Box) => Math.min(r.width / (bounds.width * (1 + padding)), r.height / (bounds.height * (1 + padding)));
  const regions = freeRegions({ x: 0, y: 0, width, height }, covered);
  const candidates = regions.length ? regions : [{ x: 0, y: 0, width, height }];
  const fitting = candidates.reduce((best, r) => (zoomFor(r) > zoomFor(best) || (zoomFor(r) === zoomFor(best) && r.width * r.height > best.width * best.height) ? r : best));
  const fitted = Math.min(Math.max(zoomFor(fitting), minZoom), maxZoom);
  const clamped = readableZoom !== undefined && fitted < readableZoom;
  const zoom = clamped ? Math.min(readableZoom, maxZoom) : fitted;
  // Shown from its top at the readable zoom, the design runs off the bottom: the tallest region it
  // fits across keeps what is in view clear of the overlays (beside the minimap, not above it).
  const across = candidates.filter((r) => bounds.width * zoom <= r.width);
  // Too wide to show across even at that zoom: the largest free region (not a strip beside the toolbar).
  const largest = candidates.reduce((best, r) => (r.width * r.height > best.width * best.height ? r : best));
  const region = clamped ? (across.length ? across.reduce((best, r) => (r.height > best.height ? r : best)) : largest) : fitting;
  const centreX = region.x + region.width / 2;
  const centreY = region.y + region.height / 2;
  const margin = (region.height * padding) / 2 / (1 + padding);
  const fitsAcross = bounds.width * zoom <= region.width;
  const fitsDown = bounds.height * zoom <= region.height;
  const anchor = clamped ? options.anchor : undefined;
  const x = fitsAcross
    ? centreX - (bounds.x + bounds.width / 2) * zoom
    : anchor && anchor.width * zoom <= region.width
      ? centreX - (anchor.x + anchor.width / 2) * zoom
      : region.x + margin - (anchor ?? bounds).x * zoom;
  const y = fitsDown ? centreY - (bounds.y + bounds.height / 2) * zoom : region.y + margin - (anchor ?? bounds).y * zoom;
  return { x, y, zoom };
}

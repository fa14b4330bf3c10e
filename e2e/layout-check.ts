/**
 * An automated look at a page, as a person would notice what is wrong with it: diagram nodes that
 * overlap, text cut off by its container, the lit step outside the canvas. Each check returns what
 * it found (empty when the page is fine), so a failing test names the offending text or node.
 */
import type { Locator, Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  // One pixel of slack: borders of neighbouring nodes may touch.
  return a.x + a.width - 1 > b.x && b.x + b.width - 1 > a.x && a.y + a.height - 1 > b.y && b.y + b.height - 1 > a.y;
}

/** Pairs of diagram nodes (inside `canvas`) whose boxes overlap on screen, by their labels. */
export async function overlappingNodes(canvas: Locator): Promise<string[]> {
  const nodes = await canvas.locator('.react-flow__node').evaluateAll((elements) =>
    elements.map((element) => {
      const r = element.getBoundingClientRect();
      return { label: (element.textContent ?? '').trim().slice(0, 40), box: { x: r.x, y: r.y, width: r.width, height: r.height } };
    }),
  );
  const found: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      if (overlaps(nodes[i]!.box, nodes[j]!.box)) found.push(`"${nodes[i]!.label}" overlaps "${nodes[j]!.label}"`);
    }
  }
  return found;
}

/**
 * Visible text cut off by its own box: an element whose content is wider or taller than the box
 * while it hides (or ellipsizes) the overflow. Scroll containers are not clipping (they scroll), nor
 * is the diagram's viewport (React Flow pans it), nor hidden elements or ones marked
 * `data-clip-ok` (e.g. a code view that scrolls sideways by design).
 */
export async function clippedTexts(page: Page, within: Locator = page.locator('body')): Promise<string[]> {
  return within.evaluate((root) => {
    const found: string[] = [];
    const clips = (value: string) => value === 'hidden' || value === 'clip';
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      if (!element.textContent?.trim() || element.closest('[data-clip-ok], .react-flow, svg')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden' || element.getClientRects().length === 0) continue;
      const ellipsis = style.textOverflow === 'ellipsis';
      const wide = element.scrollWidth > element.clientWidth + 1 && (clips(style.overflowX) || ellipsis);
      const tall = element.scrollHeight > element.clientHeight + 1 && clips(style.overflowY);
      if (!wide && !tall) continue;
      const text = (element.innerText || element.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
      found.push(`${element.tagName.toLowerCase()}: "${text}" (${wide ? `${element.scrollWidth} > ${element.clientWidth} px wide` : `${element.scrollHeight} > ${element.clientHeight} px tall`})`);
    }
    return found;
  });
}

/** Whether `inner` lies wholly inside `outer` on screen (a pixel of slack). */
export async function isInside(inner: Locator, outer: Locator): Promise<{ inside: boolean; inner: Box | null; outer: Box | null }> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  if (!a || !b) return { inside: false, inner: a, outer: b };
  const inside = a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
  return { inside, inner: a, outer: b };
}

/**
 * Selects whose chosen option is wider than the select shows: the browser cuts the text with no
 * ellipsis and no overflow a DOM measure sees, so the option's text is measured in the select's font.
 */
export async function clippedSelects(within: Locator): Promise<string[]> {
  return within.evaluate((root) => {
    const found: string[] = [];
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const select of root.querySelectorAll<HTMLSelectElement>('select')) {
      if (select.getClientRects().length === 0) continue;
      const style = getComputedStyle(select);
      const text = select.selectedOptions[0]?.text ?? '';
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const needed = canvas.measureText(text).width;
      // The room for text: the box less its padding and the drop-down arrow (about 20 px in Chromium).
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      if (needed > room + 1) found.push(`select "${text}" (${Math.ceil(needed)} > ${Math.floor(room)} px)`);
    }
    return found;
  });
}

/** The diagram's lit step (the node the execution is in, or ended at). */
export function litStep(canvas: Locator): Locator {
  return canvas.locator('.react-flow__node:has([data-current="true"])');
}

/** Every finding on a monitor page: overlapping nodes and a lit step out of view (when `canvas` is given), clipped texts and selects. */
export async function layoutProblems(page: Page, options: { canvas?: Locator; within?: Locator } = {}): Promise<string[]> {
  const within = options.within ?? page.locator('body');
  const found = [...(await clippedTexts(page, within)), ...(await clippedSelects(within))];
  if (options.canvas) {
    found.push(...(await overlappingNodes(options.canvas)));
    const lit = litStep(options.canvas);
    if ((await lit.count()) !== 1) found.push(`${await lit.count()} lit steps on the diagram`);
    else {
      const where = await isInside(lit, options.canvas);
      if (!where.inside) found.push(`the lit step lies outside the diagram (${JSON.stringify(where.inner)} in ${JSON.stringify(where.outer)})`);
    }
  }
  return found;
}

/**
 * Designer speed benchmark: headless Chromium against a running Signalbox (BENCH_URL, default
 * http://127.0.0.1:3000), for designs of 100, 500 and 1,000 nodes:
 *   - open → interactive: from navigation until every visible node is drawn and a click on a node
 *     has selected it (the inspector shows it);
 *   - drag: frames per second while a node is dragged across the canvas for ~1.5 s;
 *   - typing → code: from a keystroke in the inspector until the frame that shows the new code is
 *     painted (timed in the page from the key event), and as the test driver saw it;
 *   - the most node elements mounted at once while opening (React Flow used to mount every node
 *     once to measure it), and the machine's load average around each size's runs;
 *   - fit: from a click on "Fit" until the whole design is drawn (an overview above 200 nodes).
 * Writes the table between the designer-bench markers of docs/benchmarks.md (section "Designer";
 * the prose after them is kept) and prints it.
 *
 *   node --import tsx bench/designer.ts            (BENCH_USER / BENCH_PASSWORD: an account with
 *                                                   the designer role; on a fresh install the
 *                                                   first admin is created with them)
 *   BENCH_TYPING_ONLY=1 …                          typing → code only, written to the subsection
 *                                                   "Typing → code view" of the Designer section
 *   BENCH_KEYSTROKES=n                             keystrokes timed per open (default 5)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { benchDesign } from './designer-designs';

const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const USER = process.env.BENCH_USER ?? 'bench';
const PASSWORD = process.env.BENCH_PASSWORD ?? 'bench-password-2026';
const SIZES = (process.env.BENCH_SIZES ?? '100,500,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DOC = new URL('../docs/benchmarks.md', import.meta.url);
const TYPING_ONLY = process.env.BENCH_TYPING_ONLY === '1';
/** Keystrokes timed per open of the design (each waits for its code before the next). */
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 5);
const TYPING_MARKERS = /<!-- typing-bench:start -->[\s\S]*<!-- typing-bench:end -->/;
/** The part of the Designer section this script writes; the prose after it is kept. */
const DESIGNER_MARKERS = /<!-- designer-bench:start -->[\s\S]*<!-- designer-bench:end -->/;

interface Row {
  nodes: number;
  interactiveMs: number;
  dragFps: number;
  /** Median keystroke → code painted, measured in the page. */
  typingToCodeMs: number;
  /** 90th percentile of the same. */
  typingP90Ms: number;
  /** Median of the same keystrokes as the test driver saw them. */
  typingDriverMs: number;
  renderedNodes: number;
  /** The most node elements mounted at once while the design opened (a MutationObserver's count). */
  mostMounted: number;
  /** From a click on "Fit" until the whole design is drawn (as an overview above 200 nodes). */
  fitMs: number;
  /** 1-minute load average of the machine before and after this size's runs. */
  load: [number, number];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;

async function signIn(page: Page) {
  const headers = { origin: BASE, 'content-type': 'application/json' };
  const status = await page.request.get(`${BASE}/api/auth/status`);
  const { setupRequired } = status.ok() ? ((await status.json()) as { setupRequired?: boolean }) : { setupRequired: false };
  const path = setupRequired ? '/api/auth/setup' : '/api/auth/login';
  const res = await page.request.post(`${BASE}${path}`, { headers, data: { username: USER, password: PASSWORD } });
  if (!res.ok() && res.status() !== 404) throw new Error(`sign-in as ${USER} failed: ${res.status()} ${await res.text()}`);
}

async function createDesign(page: Page, nodes: number): Promise<string> {
  const res = await page.request.post(`${BASE}/api/designs`, {
    headers: { origin: BASE, 'content-type': 'application/json' },
    data: { design: benchDesign(nodes) },
  });
  if (!res.ok()) throw new Error(`creating a ${nodes}-node design failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Counts the most node elements mounted at once, from before the page's first render. */
const COUNT_MOUNTED = `(() => {
  window.__mostNodes = 0;
  new MutationObserver(() => {
    window.__mostNodes = Math.max(window.__mostNodes, document.querySelectorAll('.react-flow__node').length);
  }).observe(document, { childList: true, subtree: true });
})()`;

async function openToInteractive(page: Page, id: string): Promise<{ ms: number; rendered: number; mostMounted: number }> {
  await page.goto(`${BASE}/`); // leave the designer, so the next open is a fresh mount
  const start = Date.now();
  await page.goto(`${BASE}/designs/${id}`);
  const start0 = page.locator('.react-flow__node[data-id="start"]');
  await start0.waitFor({ state: 'visible', timeout: 60_000 });
  await start0.locator('.fnode__label').click();
  await page.locator('[data-testid="inspector"][data-node-id="start"]').waitFor({ timeout: 60_000 });
  const ms = Date.now() - start;
  const mostMounted = Number(await page.evaluate('window.__mostNodes'));
  return { ms, rendered: await page.locator('.react-flow__node').count(), mostMounted };
}

/** Frames counted with requestAnimationFrame while the mouse drags a node in small steps. */
async function dragFps(page: Page): Promise<number> {
  const node = page.locator('.react-flow__node[data-id="n2"] .fnode__label');
  const box = (await node.boundingBox())!;
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => { window.__frames++; if (window.__counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = Date.now();
  for (let i = 1; i <= 90; i++) {
    // Circles around the start point: far from the edges, so the canvas never auto-pans.
    await page.mouse.move(x + Math.sin(i / 7) * 120, y + (1 - Math.cos(i / 7)) * 60);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const seconds = (Date.now() - started) / 1000;
  const frames = Number(await page.evaluate('(() => { window.__counting = false; return window.__frames; })()'));
  return frames / seconds;
}

/** One keystroke's time until the code view showed it: measured in the page, and as the test driver saw it. */
interface KeystrokeTiming {
  /** From the key event (its timeStamp) until the frame that draws the new code has been painted. */
  paintedMs: number;
  /** From Playwright's `press` until the page's report reached it: adds the driver's own round trips. */
  driverMs: number;
}

/**
 * Installed before each key press: resolves with the time from the keydown event to the paint of
 * the first frame in which the code view's highlighted lines show `typed`. A message posted from
 * requestAnimationFrame is handled after that frame is painted (the usual "next paint" probe).
 * A string, not a function: tsx would wrap named functions in a helper the page does not have.
 */
const WATCH_KEYSTROKE = `(typed) => {
  window.__keystroke = new Promise((resolve) => {
    let keyAt = null;
    document.addEventListener('keydown', (event) => { keyAt = event.timeStamp; }, { capture: true, once: true });
    const view = document.querySelector('[data-testid="code-view"]');
    const shows = () => [...view.querySelectorAll('.cm-node-line')].some((line) => line.textContent.includes(typed));
    const observer = new MutationObserver(() => {
      if (keyAt === null || !shows()) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(Math.round(performance.now() - keyAt));
        channel.port2.postMessage(null);
      });
    });
    observer.observe(view, { childList: true, subtree: true, characterData: true });
  });
}`;

/**
 * Keystrokes in the selected node's label, each timed until the code view (workflows.ts) shows the
 * label as typed so far. Starts once the design's first compile has answered (that is opening).
 */
async function typingToCode(page: Page, keystrokes = KEYSTROKES): Promise<KeystrokeTiming[]> {
  await page.locator('[data-testid="code-view"][data-status="ok"]').waitFor({ timeout: 60_000 });
  await page.locator('.react-flow__node[data-id="n1"] .fnode__label').click();
  const label = page.getByTestId('field-label');
  await label.waitFor();
  await page.getByTestId('code-tab-workflows.ts').click();
  let typed = `Pause Typed${Date.now() % 100000}`;
  await label.fill(typed);
  const samples: KeystrokeTiming[] = [];
  for (let k = 0; k < keystrokes; k++) {
    const key = 'abcdefghij'[k % 10]!;
    typed += key;
    await page.evaluate(`(${WATCH_KEYSTROKE})(${JSON.stringify(typed)})`);
    const start = Date.now();
    await label.press(key);
    // The page reports the paint itself: a locator polling the editor every frame would compete with the work timed.
    const paintedMs = Number(await page.evaluate(`Promise.race([window.__keystroke, new Promise((_, fail) => setTimeout(() => fail(new Error('the code view did not show ${typed} within 60 s')), 60000))])`));
    samples.push({ paintedMs, driverMs: Date.now() - start });
  }
  return samples;
}

/**
 * From a click on "Fit" until the whole design is drawn: every shape of the overview (above 200
 * nodes), else the nodes after the 300 ms zoom animation; two frames more for the paint.
 */
async function fitAll(page: Page, nodes: number): Promise<number> {
  const start = Date.now();
  await page.getByTestId('zoom-to-fit').click();
  if (nodes > 200) {
    await page.locator('[data-testid="canvas-overview"] rect').nth(nodes - 1).waitFor({ state: 'attached', timeout: 60_000 });
  } else {
    await page.waitForTimeout(300);
  }
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  return Date.now() - start;
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(COUNT_MOUNTED);
  await signIn(page);
  const rows: Row[] = [];
  for (const nodes of SIZES) {
    const id = await createDesign(page, nodes);
    const opens: number[] = [];
    const fps: number[] = [];
    const typing: KeystrokeTiming[] = [];
    const fits: number[] = [];
    let rendered = 0;
    let mostMounted = 0;
    const loadBefore = loadavg()[0]!;
    // Each run opens the design afresh (a drag near the edge pans the canvas), then drags, then types.
    for (let r = 0; r < RUNS; r++) {
      const open = await openToInteractive(page, id);
      opens.push(open.ms);
      rendered = open.rendered;
      mostMounted = Math.max(mostMounted, open.mostMounted);
      if (!TYPING_ONLY) fps.push(await dragFps(page));
      typing.push(...(await typingToCode(page)));
      if (!TYPING_ONLY) fits.push(await fitAll(page, nodes));
    }
    const row: Row = {
      nodes, interactiveMs: median(opens), dragFps: median(fps), renderedNodes: rendered,
      typingToCodeMs: median(typing.map((t) => t.paintedMs)),
      typingP90Ms: percentile90(typing.map((t) => t.paintedMs)),
      typingDriverMs: median(typing.map((t) => t.driverMs)),
      fitMs: fits.length ? median(fits) : 0,
      mostMounted, load: [loadBefore, loadavg()[0]!],
    };
    rows.push(row);
    console.log(JSON.stringify({ ...row, opens, fps: fps.map(Math.round), painted: typing.map((t) => t.paintedMs), driver: typing.map((t) => t.driverMs) }));
  }
  await browser.close();
  if (TYPING_ONLY) writeTypingReport(rows);
  else writeReport(rows);
}

/** Only the "Typing → code view" subsection (its markers), inside the Designer section. */
function writeTypingReport(rows: Row[]) {
  const table = [
    '| Nodes | Keystroke → code view painted, median (target ≤ 100 ms) | 90th percentile | As the test driver sees it (Playwright `press` → the page\'s report), median | Load average (1 min) before → after |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.nodes.toLocaleString('en')} | ${r.typingToCodeMs} ms | ${r.typingP90Ms} ms | ${r.typingDriverMs} ms | ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} |`),
  ].join('\n');
  const block = `<!-- typing-bench:start -->\n\`BENCH_TYPING_ONLY=1 node --import tsx bench/designer.ts\`: ${KEYSTROKES} keystrokes per open × ${RUNS} opens, ${new Date().toISOString().slice(0, 10)}.\n\n${table}\n<!-- typing-bench:end -->`;
  const current = readFileSync(DOC, 'utf8');
  if (!TYPING_MARKERS.test(current)) throw new Error('docs/benchmarks.md has no typing-bench markers in its Designer section');
  writeFileSync(DOC, current.replace(TYPING_MARKERS, block));
  console.log(`\n${table}\n\nwritten to docs/benchmarks.md (Typing → code view)`);
}

function writeReport(rows: Row[]) {
  const table = [
    '| Nodes | Open → interactive (target ≤ 1.5 s at 1,000) | Drag (target ≥ 50 fps) | Typing → code view (target ≤ 100 ms) | Nodes mounted while opening (most at once) | Nodes rendered after | Fit whole design → drawn | Load average (1 min) before → after |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.nodes.toLocaleString('en')} | ${(r.interactiveMs / 1000).toFixed(2)} s | ${Math.round(r.dragFps)} fps | ${r.typingToCodeMs} ms | ${r.mostMounted} | ${r.renderedNodes} | ${(r.fitMs / 1000).toFixed(2)} s | ${r.load.map((l) => l.toFixed(1)).join(' → ')} |`),
  ].join('\n');
  const block = `<!-- designer-bench:start -->
Measured by \`node --import tsx bench/designer.ts\` (headless Chromium against a production build, 1600×1000 window,
medians of ${RUNS} runs, ${new Date().toISOString().slice(0, 10)}, on the shared 2-core machine: the load average column says how
busy it was). Designs are one long path of assigns, timers, logs and waits in rows of 20, with a signal per row
(\`bench/designer-designs.ts\`). Up to 200 nodes the design opens fitted into view with the minimap; above that it opens at
100 % around Start, React Flow renders only the nodes in view (\`onlyRenderVisibleElements\`) and the minimap is opt-in.

${table}
<!-- designer-bench:end -->`;
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  if (DESIGNER_MARKERS.test(current)) {
    writeFileSync(DOC, current.replace(DESIGNER_MARKERS, block));
  } else {
    writeFileSync(DOC, `${current.trimEnd()}\n\n## Designer\n\n${block}\n`);
  }
  console.log(`\n${table}\n\nwritten to docs/benchmarks.md`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

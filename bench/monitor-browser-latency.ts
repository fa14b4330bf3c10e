/**
 * Signal sent from the UI → effect visible on the diagram, in a real browser: headless Chromium
 * on the execution page of a waiting approval, a click on the `approve` form's send button, until
 * the diagram's lit node (`[data-current="true"]`) is no longer the wait. Both instants are taken
 * in the page (a capturing click listener and a MutationObserver), so the figure includes the
 * signal request, the live stream noticing the move and React drawing it. Also reported: when the
 * signal request answered (the page's resource timing), which splits server from stream + render.
 *
 * Against a running Signalbox (BENCH_URL, BENCH_USER / BENCH_PASSWORD as for bench/designer.ts),
 * or, without BENCH_URL, a whole stack of its own (scripts/start.ts on free ports, a fresh data
 * directory). That stack may rebuild .next, which the e2e suite shares, so serialise:
 *   flock /tmp/signalbox-e2e.lock node --import tsx bench/monitor-browser-latency.ts [--runs 10] [--write]
 */
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { freePort, projectDir, startTs, type Child } from '@/testing/processes';
import { median, writeMonitorSection } from './monitor-env';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, write: { type: 'boolean', default: false } } });
const RUNS = Number(values.runs);
const USER = process.env.BENCH_USER ?? 'bench';
const PASSWORD = process.env.BENCH_PASSWORD ?? 'bench-password-2026';
const WAIT_STEP = 'await-approval';
const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

interface Stack {
  base: string;
  stop(): Promise<void>;
}

async function startStack(): Promise<Stack> {
  const dataDir = `.data-bench-browser-${process.pid}`;
  const port = await freePort();
  const child: Child = startTs(
    'scripts/start.ts',
    {
      SIGNALBOX_DATA_DIR: dataDir,
      SIGNALBOX_RESET_DATA: '1',
      PORT: String(port),
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      SIGNALBOX_PGLITE_PORT: String(await freePort()),
      WORKER_HEALTH_PORT: String(await freePort()),
      SIGNALBOX_ADMIN_USERNAME: USER,
      SIGNALBOX_ADMIN_PASSWORD: PASSWORD,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    'signalbox',
  );
  await child.waitFor(/all services up/, 900_000);
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      await child.stop();
      rmSync(join(projectDir, dataDir), { recursive: true, force: true });
    },
  };
}

/** A POST to the REST API as the signed-in page (its cookies), failing loudly. */
async function post<T>(page: Page, base: string, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(`${base}${path}`, { headers: { origin: base, 'content-type': 'application/json' }, data });
  if (!response.ok()) throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** In the page: the click on the send button and the first mutation that lights a node other than the wait. */
const INSTRUMENT = `(() => {
  const bench = (window.__bench = { clicked: 0, moved: 0 });
  const lit = () => document.querySelector('[data-testid="execution-diagram"] [data-current="true"]');
  const litWait = () => document.querySelector('[data-testid="execution-diagram"] .react-flow__node[data-id="${WAIT_STEP}"] [data-current="true"]');
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-testid="signal-submit-approve"]')) bench.clicked = performance.now();
  }, true);
  new MutationObserver(() => {
    if (bench.clicked && !bench.moved && lit() && !litWait()) bench.moved = performance.now();
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
})()`;

interface Run {
  /** Click → the diagram lights the next step. */
  totalMs: number;
  /** Click → the signal request answered (202). */
  signalMs: number;
}

async function measure(page: Page, base: string, designId: string, run: number): Promise<Run> {
  const { workflowId } = await post<{ workflowId: string }>(page, base, '/api/executions', { designId, input: { requestId: `BROWSER-${run}` } });
  await page.goto(`${base}/executions/${encodeURIComponent(workflowId)}`);
  await page.locator(`[data-testid="execution-diagram"] .react-flow__node[data-id="${WAIT_STEP}"] [data-current="true"]`).waitFor({ timeout: 60_000 });
  const form = page.getByTestId('signal-form-approve');
  await form.getByTestId('signal-approve-approverName').fill('Bench');
  await form.getByTestId('signal-approve-approved').setChecked(true);
  await page.evaluate(INSTRUMENT);
  await form.getByTestId('signal-submit-approve').click();
  await page.waitForFunction('window.__bench.moved > 0', undefined, { timeout: 30_000 });
  // A string, not a function: tsx would wrap a function in a helper the page does not have.
  const timing = (await page.evaluate(`(() => {
    const sent = performance.getEntriesByType('resource').filter((e) => e.name.includes('/signals/approve')).at(-1);
    return { clicked: window.__bench.clicked, moved: window.__bench.moved, answered: sent ? sent.responseEnd : 0 };
  })()`)) as { clicked: number; moved: number; answered: number };
  return { totalMs: timing.moved - timing.clicked, signalMs: timing.answered - timing.clicked };
}

const stack = process.env.BENCH_URL ? { base: process.env.BENCH_URL, stop: async () => {} } : await startStack();
const browser = await chromium.launch({ executablePath: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await post(page, stack.base, '/api/auth/login', { username: USER, password: PASSWORD });
  const design = { ...approval, name: `BrowserLatency${Date.now().toString(36)}` };
  const { id: designId } = await post<{ id: string }>(page, stack.base, '/api/designs', { design });
  await post(page, stack.base, `/api/designs/${designId}/deployments`, {});
  await measure(page, stack.base, designId, -1); // warm-up: first compile of the page, first stream
  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run++) {
    runs.push(await measure(page, stack.base, designId, run));
    console.log(`run ${run}: click → diagram ${runs.at(-1)!.totalMs.toFixed(0)} ms (signal answered after ${runs.at(-1)!.signalMs.toFixed(0)} ms)`);
  }
  const totals = runs.map((r) => r.totalMs).sort((a, b) => a - b);
  const signals = runs.map((r) => r.signalMs);
  const table = `Signal → diagram in the browser: headless Chromium on the execution page of ${RUNS} waiting approvals (the approval example), from the click on \`approve\`'s send button until the diagram lights the next step, both instants taken in the page. Measured ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0]!.toFixed(1)}.

| | median | min | max |
| --- | ---: | ---: | ---: |
| **Click → next step lit on the diagram** | **${median(totals).toFixed(0)} ms** | ${totals[0]!.toFixed(0)} ms | ${totals.at(-1)!.toFixed(0)} ms |
| Click → signal request answered | ${median(signals).toFixed(0)} ms | ${Math.min(...signals).toFixed(0)} ms | ${Math.max(...signals).toFixed(0)} ms |

Target ≤ 1 s median: ${median(totals) <= 1000 ? 'met' : 'missed'}. Run: \`flock /tmp/signalbox-e2e.lock node --import tsx bench/monitor-browser-latency.ts --runs ${RUNS} --write\` (or against a running Signalbox with \`BENCH_URL\`).`;
  console.log(table);
  if (values.write) await writeMonitorSection('signal-browser', table);
} finally {
  await browser.close();
  await stack.stop();
}
process.exit(0);

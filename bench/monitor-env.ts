/**
 * The environment the monitor benchmarks measure in, started from scratch: a Temporal dev server
 * (in memory, Signalbox search attributes), the embedded database served over the wire, and a
 * worker host — the same pieces `npm start` runs, on free ports.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { closeDb } from '@/db/client';
import { closeTemporalClient } from '@/lib/temporal-client';
import { stopVerifier } from '@/lib/deploy/verifier';
import { serveInMemoryDatabase } from '@/testing/database';
import { freePort, projectDir, startTs } from '@/testing/processes';
import { SIGNALBOX_SEARCH_ATTRIBUTES, startTemporalDevServer, type TemporalDevServer } from '@/scripts/lib/temporal-server';

export interface BenchEnv {
  temporal: TemporalDevServer;
  workerPollMs: number;
  /** The worker host's process id (for CPU sampling). */
  workerPid: number;
  /** The embedded database server's process id (db/server.ts). */
  databasePid: number;
  stop(): Promise<void>;
}

export async function startBenchEnv({ workerPollMs = 500 }: { workerPollMs?: number } = {}): Promise<BenchEnv> {
  const dataDir = `.data-bench-monitor-${process.pid}`;
  const temporal = await startTemporalDevServer({ port: await freePort(), searchAttributes: SIGNALBOX_SEARCH_ATTRIBUTES, name: 'temporal-bench', quiet: true });
  process.env.TEMPORAL_ADDRESS = temporal.address;
  process.env.SIGNALBOX_DATA_DIR = dataDir;
  const { url, server: dbServer } = await serveInMemoryDatabase();
  process.env.DATABASE_URL = url;
  const worker = startTs('worker/main.ts', { DATABASE_URL: url, WORKER_HEALTH_PORT: '0', WORKER_POLL_MS: String(workerPollMs) }, 'worker');
  await worker.waitFor(/connected to Temporal/);
  return {
    temporal,
    workerPollMs,
    workerPid: worker.process.pid!,
    databasePid: dbServer.process.pid!,
    async stop() {
      stopVerifier();
      await closeTemporalClient();
      await closeDb();
      await worker.stop();
      await dbServer.stop();
      await temporal.stop();
      rmSync(join(projectDir, dataDir), { recursive: true, force: true });
    },
  };
}

/** The median; of an even number of values, the mean of the middle two (the upper one alone biases upwards). */
export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Replaces (or appends) the "## Monitor" section of docs/benchmarks.md, between its markers, with `body`. */
export async function writeMonitorSection(marker: string, body: string): Promise<void> {
  const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
  const doc = new URL('../docs/benchmarks.md', import.meta.url);
  let text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
  if (!text.includes('\n## Monitor\n')) text = `${text.trimEnd()}\n\n## Monitor\n`;
  const start = `<!-- monitor-${marker}:start -->`;
  const end = `<!-- monitor-${marker}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  if (text.includes(start)) {
    text = text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block);
  } else {
    // Append at the end of the Monitor section (before the next "## " heading, if any).
    const at = text.indexOf('\n## Monitor\n');
    const next = text.indexOf('\n## ', at + 1);
    text = next < 0 ? `${text.trimEnd()}\n\n${block}\n` : `${text.slice(0, next).trimEnd()}\n\n${block}\n${text.slice(next)}`;
  }
  writeFileSync(doc, text);
}

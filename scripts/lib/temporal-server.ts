// Starts the Temporal dev server (`temporal server start-dev`) from the official CLI.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SEARCH_ATTRIBUTES } from '@/codegen/design';
import { ensureTemporalCli } from './temporal-cli';
import { isPortFree, startProcess, waitFor, waitForHttp, waitForPort, type ManagedProcess } from './processes';

const execFileAsync = promisify(execFile);

export interface TemporalDevServerOptions {
  /** gRPC port on 127.0.0.1. */
  port: number;
  /** Web UI port; omit for a headless server. */
  uiPort?: number;
  /** SQLite file for persistence; omit for an in-memory store. */
  dbFile?: string;
  /** Custom search attributes to register, e.g. { SignalboxDesign: 'Keyword' }. */
  searchAttributes?: Record<string, string>;
  /** Output prefix, default "temporal". */
  name?: string;
  /** Suppress the server's output (kept for error messages). */
  quiet?: boolean;
  /** Readiness timeout, default 90 s. */
  timeoutMs?: number;
  /** Called right after the server process is spawned (before it is ready), e.g. to register cleanup. */
  onProcess?: (process: ManagedProcess) => void;
  /** Extra dynamic config values (`key=value`), e.g. FAST_DRAINAGE_DYNAMIC_CONFIG for the tests' servers. */
  dynamicConfig?: string[];
}

export interface TemporalDevServer {
  address: string;
  namespace: string;
  uiUrl?: string;
  cliPath: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Dynamic config passed to the dev server. Server 1.32 (CLI 1.9.1) already enables these by
 * default; they are passed explicitly so that an older CLI supplied through $TEMPORAL_CLI or
 * PATH (e.g. the Go-built 1.5.1 / server 1.29) behaves the same for updates,
 * update-with-start and worker-versioning APIs. Unknown keys are ignored by the server.
 */
const DYNAMIC_CONFIG = [
  'frontend.enableUpdateWorkflowExecution=true',
  'frontend.enableExecuteMultiOperation=true',
  'frontend.workerVersioningDataAPIs=true',
  'frontend.workerVersioningWorkflowAPIs=true',
  // Every deployed design is its own Worker Deployment (docs/versioning.md); the server's default
  // of 100 per namespace refuses the 101st design silently (its worker polls, its version never
  // registers). A production cluster needs the same setting (docs/versioning.md, "Cluster settings").
  'matching.maxDeployments=10000',
];

/**
 * Worker Versioning's drainage status, sped up for the servers the tests start (testing/stack.ts,
 * scripts/test.ts): Temporal reports a version that lost current / ramping status "drained" only
 * after the visibility grace period (default 3 min, so that visibility has caught up with its last
 * executions) and refreshes the status every refresh interval (default 3 min) — ~180 s on a dev
 * server, too long for a test of retirement by drainage. The dev server's visibility store is
 * local and immediate, so a few seconds of grace lose nothing. Durations in seconds. Not for
 * production clusters (docs/versioning.md).
 */
export const FAST_DRAINAGE_DYNAMIC_CONFIG = [
  'matching.wv.VersionDrainageStatusVisibilityGracePeriod=5',
  'matching.wv.VersionDrainageStatusRefreshInterval=1',
];

/**
 * Custom search attributes registered on the dev servers that `npm start` and `npm test`
 * start (they must exist before an execution is started with them or a workflow upserts them):
 * the monitor's filters (codegen/runtime-contract.ts SEARCH_ATTRIBUTES). Against an external cluster
 * (TEMPORAL_ADDRESS) they must be created by its operator: `temporal operator
 * search-attribute create --name … --type …`. Extra ones can be given as
 * SIGNALBOX_SEARCH_ATTRIBUTES="Name=Keyword,Other=Int".
 */
export const SIGNALBOX_SEARCH_ATTRIBUTES: Record<string, string> = {
  ...Object.fromEntries(Object.values(SEARCH_ATTRIBUTES).map(({ name, type }) => [name, type])),
  ...Object.fromEntries(
    (process.env.SIGNALBOX_SEARCH_ATTRIBUTES ?? '')
      .split(',')
      .map((entry) => entry.trim().split('='))
      .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== '' && pair[1] !== ''),
  ),
};

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const { port, uiPort, dbFile, searchAttributes = {}, name = 'temporal', quiet = false, timeoutMs = 90_000, onProcess, dynamicConfig = [] } = options;
  const cli = await ensureTemporalCli();
  for (const [what, p] of [
    ['Temporal gRPC port', port],
    ['Temporal Web UI port', uiPort],
  ] as const) {
    if (p !== undefined && !(await isPortFree(p))) {
      throw new Error(`${what} ${p} on 127.0.0.1 is already in use (set another port, or stop what uses it)`);
    }
  }
  const address = `127.0.0.1:${port}`;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', 'default', '--log-level', 'warn'];
  if (uiPort !== undefined) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  if (dbFile) args.push('--db-filename', dbFile);
  for (const [key, type] of Object.entries(searchAttributes)) args.push('--search-attribute', `${key}=${type}`);
  for (const value of [...DYNAMIC_CONFIG, ...dynamicConfig]) args.push('--dynamic-config-value', value);

  const server = startProcess(name, cli.path, args, { quiet, env: process.env });
  const stop = () => server.stop(15_000);
  onProcess?.(server);
  try {
    await waitForPort(port, '127.0.0.1', { timeoutMs, process: server, what: `the Temporal server on ${address}` });
    // The port opens before the frontend serves requests: wait until the namespace answers.
    await waitFor(
      async () => {
        try {
          await execFileAsync(cli.path, ['operator', 'namespace', 'describe', '--namespace', 'default', '--address', address], {
            timeout: 10_000,
          });
          return true;
        } catch {
          return false;
        }
      },
      `the Temporal namespace "default" on ${address}`,
      { timeoutMs, intervalMs: 500, process: server },
    );
    let uiUrl: string | undefined;
    if (uiPort !== undefined) {
      uiUrl = `http://127.0.0.1:${uiPort}`;
      await waitForHttp(uiUrl, { timeoutMs: 30_000, process: server, what: `the Temporal Web UI on ${uiUrl}` });
    }
    return { address, namespace: 'default', uiUrl, cliPath: cli.path, process: server, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The worker hosts the web app knows of, and what each serves (its GET /healthz). Which hosts:
 * SIGNALBOX_WORKER_HEALTH_URLS (comma-separated base URLs, e.g. "http://10.0.0.5:3001,http://10.0.0.6:3001";
 * "none" to check none), else the one beside it on 127.0.0.1:$WORKER_HEALTH_PORT (what `npm start`
 * runs; it passes WORKER_HEALTH_PORT to the web app too). With neither set, no host is checked and
 * the health report says the hosts are unknown rather than down.
 */
import 'server-only';

export interface WorkerDeploymentState {
  deploymentId: string;
  taskQueue: string;
  buildId?: string;
  state: string;
  error?: string;
}

export interface WorkerHostProbe {
  url: string;
  ok: boolean;
  ms: number;
  message?: string;
  /** The deployments the host runs a worker for (from its /healthz). */
  deployments: WorkerDeploymentState[];
}

export interface WorkerHostsHealth {
  /** At least one host answers (every host polls every queue: one is enough for executions to run), or none is configured. */
  ok: boolean;
  /** False when the web app was not told where its worker hosts are. */
  known: boolean;
  hosts: WorkerHostProbe[];
}

export function workerHealthUrls(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = env.SIGNALBOX_WORKER_HEALTH_URLS?.trim();
  if (listed === 'none') return [];
  if (listed) return listed.split(',').map((url) => url.trim().replace(/\/+$/, '')).filter(Boolean);
  const port = env.WORKER_HEALTH_PORT;
  return port && port !== '0' ? [`http://127.0.0.1:${port}`] : [];
}

async function probeHost(url: string, timeoutMs: number): Promise<WorkerHostProbe> {
  const started = Date.now();
  try {
    const response = await fetch(`${url}/healthz`, { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    if (response.status !== 200) throw new Error(`GET ${url}/healthz answered ${response.status}`);
    const body = (await response.json()) as { workers?: WorkerDeploymentState[] };
    const deployments = (body.workers ?? []).map(({ deploymentId, taskQueue, buildId, state, error }) => ({
      deploymentId,
      taskQueue,
      ...(buildId ? { buildId } : {}),
      state,
      ...(error ? { error } : {}),
    }));
    return { url, ok: true, ms: Date.now() - started, deployments };
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `did not answer within ${timeoutMs} ms` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { url, ok: false, ms: Date.now() - started, message: `The worker host at ${url} is not answering: ${reason}`, deployments: [] };
  }
}

export async function checkWorkerHosts(timeoutMs = 2000, urls = workerHealthUrls()): Promise<WorkerHostsHealth> {
  const hosts = await Promise.all(urls.map((url) => probeHost(url, timeoutMs)));
  return { ok: hosts.length === 0 || hosts.some((host) => host.ok), known: hosts.length > 0, hosts };
}

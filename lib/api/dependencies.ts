/**
 * Refuses a deploy or a start at once, naming what is down, when no worker host answers — instead
 * of type-checking and bundling, then waiting 30 s for a worker host to poll the new version, or of
 * accepting an execution that nothing runs until a host is back.
 * (Temporal being down already answers 503 `temporal.unavailable` at the deploy's first call to it;
 * validation errors need neither and keep their 422.) Hosts the web app was not told of
 * (lib/worker-host-health.ts) are not checked.
 */
import 'server-only';
import { checkWorkerHosts } from '../worker-host-health';
import { ApiError } from './errors';

const NEEDS = {
  deploy: 'a deploy needs one to run the new version. Designs stay editable; deploy again',
  start: 'an execution needs one to run. Nothing was started; start again',
} as const;

export async function requireWorkerHost(action: keyof typeof NEEDS = 'deploy'): Promise<void> {
  const workers = await checkWorkerHosts();
  if (workers.ok) return;
  const urls = workers.hosts.map((host) => host.url).join(', ');
  throw new ApiError(
    503,
    'worker.unavailable',
    `Cannot ${action} now: no worker host is answering (${urls}), and ${NEEDS[action]} when it is back (npm start restarts it by itself).`,
  );
}

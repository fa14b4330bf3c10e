/**
 * Refuses a deploy at once, naming what is down, when no worker host answers — instead of
 * type-checking and bundling, then waiting 30 s for a worker host to poll the new version.
 * (Temporal being down already answers 503 `temporal.unavailable` at the deploy's first call to it;
 * validation errors need neither and keep their 422.) Hosts the web app was not told of
 * (lib/worker-host-health.ts) are not checked.
 */
import 'server-only';
import { checkWorkerHosts } from '../worker-host-health';
import { ApiError } from './errors';

export async function requireWorkerHost(): Promise<void> {
  const workers = await checkWorkerHosts();
  if (workers.ok) return;
  const urls = workers.hosts.map((host) => host.url).join(', ');
  throw new ApiError(
    503,
    'worker.unavailable',
    `Cannot deploy now: no worker host is answering (${urls}), and a deploy needs one to run the new version. Designs stay editable; deploy again when it is back (npm start restarts it by itself).`,
  );
}

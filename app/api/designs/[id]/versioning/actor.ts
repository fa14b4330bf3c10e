import 'server-only';
import { requirePrincipal } from '@/lib/auth/context';
import type { Actor } from '@/lib/deploy/versioning-actions';

/** The signed-in user as Temporal records the routing change's modifier (`temporal worker deployment describe`). */
export function currentActor(): Actor {
  return { identity: `signalbox:${requirePrincipal().username}` };
}

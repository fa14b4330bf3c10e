/** Audit entries for the signed-in caller of the current request. */
import 'server-only';
import { recordAudit } from '@/db/repository';
import { requirePrincipal } from './context';

export async function auditAsCaller(action: string, target: string, details: Record<string, unknown> = {}): Promise<void> {
  const { id, username } = requirePrincipal();
  await recordAudit({ actor: { id, username }, action, target, details });
}

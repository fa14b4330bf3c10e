'use client';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../api/client';

/**
 * Whether the design has a deployment new executions can start on (GET /api/designs/[id]/deployments):
 * the header makes Deploy the primary action and says "Deploy this design first" beside a disabled
 * Start until one exists. 'unknown' when the server could not say (Start then stays usable and the
 * server's answer explains).
 */
export type DeploymentPresence = 'loading' | 'active' | 'none' | 'unknown';

export function deploymentPresence(deployments: readonly { status: string }[]): DeploymentPresence {
  return deployments.some((d) => d.status === 'active') ? 'active' : 'none';
}

export function useActiveDeployment(designId: string): { presence: DeploymentPresence; refresh: () => Promise<void> } {
  const [presence, setPresence] = useState<DeploymentPresence>('loading');
  const refresh = useCallback(async () => {
    try {
      const { deployments } = await request<{ deployments: { status: string }[] }>(`/api/designs/${encodeURIComponent(designId)}/deployments`);
      setPresence(deploymentPresence(deployments));
    } catch {
      setPresence('unknown');
    }
  }, [designId]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { presence, refresh };
}

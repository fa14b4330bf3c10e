'use client';
import { useEffect, useState } from 'react';
import type { Design } from '@/codegen/design';
import { request } from '../api/client';

type Nodes = Pick<Design, 'nodes'>;

/**
 * The design the timeline links events to: the one its page passes, else (a page that does not
 * pass it yet) read once from the execution's detail, so node chips and the node filter still work.
 */
export function useTimelineDesign(workflowId: string, given: Nodes | null | undefined): Nodes | null {
  const [fetched, setFetched] = useState<Nodes | null>(null);
  const needed = given === undefined;
  useEffect(() => {
    if (!needed) return;
    const controller = new AbortController();
    request<{ design?: Nodes | null }>(`/api/executions/${encodeURIComponent(workflowId)}`, { signal: controller.signal })
      .then((detail) => setFetched(detail.design ?? null))
      // Without the design the timeline still lists every event, only without node links.
      .catch(() => undefined);
    return () => controller.abort();
  }, [workflowId, needed]);
  return given === undefined ? fetched : given;
}

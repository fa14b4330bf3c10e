'use client';
/** Browser calls of the executions list: the page with its counts and designs, and the bulk actions. */
import type { StatusCounts, DesignChoice } from '@/lib/executions/list-facets';
import type { BulkOutcome } from '@/lib/executions/bulk';
import { request } from '../api/client';
import type { ExecutionListPage } from './monitor-api';

export type { DesignChoice, StatusCounts, BulkOutcome };

export interface ListPageWithFacets extends ExecutionListPage {
  statusCounts?: StatusCounts;
  designs?: DesignChoice[];
}

export interface BulkAnswer {
  results: BulkOutcome[];
  succeeded: number;
  failed: number;
}

export const executionsListApi = {
  page: (params: URLSearchParams, signal?: AbortSignal) => request<ListPageWithFacets>(`/api/executions?${params.toString()}`, { signal }),
  bulk: (body: { action: 'cancel' | 'terminate'; workflowIds: string[]; reason?: string }) =>
    request<BulkAnswer>('/api/executions/bulk', { method: 'POST', body }),
};

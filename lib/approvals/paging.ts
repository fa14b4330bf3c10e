/** Page sizes of the inbox and the requests list (shared by the API's query schema and lib/approvals/tasks.ts). */
import 'server-only';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

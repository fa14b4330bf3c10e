import { z } from 'zod';
import { MAX_PAGE_SIZE } from '@/lib/approvals/paging';
import { MAX_LEVELS } from '@/lib/approvals/spec';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const InboxQuerySchema = z.object({
  processId: z.preprocess(emptyAsUndefined, z.string().max(100).optional()),
  q: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  sort: z.preprocess(emptyAsUndefined, z.enum(['oldest', 'newest', 'deadline']).optional()),
  page: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100_000).optional()),
  pageSize: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional()),
});

/** Paging of the caller's own requests. */
export const PageQuerySchema = InboxQuerySchema.pick({ page: true, pageSize: true });

/**
 * The approver comes from the session: a body naming an actor is refused, not ignored. `level` is
 * the task the approver was shown (the request's `task.level` in the inbox and on the request
 * page): the workflow refuses the decision once that level is no longer the open one.
 */
export const DecisionBodySchema = z.strictObject({
  approve: z.boolean(),
  comment: z.string().max(2000).default(''),
  level: z.number().int().min(1).max(MAX_LEVELS),
});

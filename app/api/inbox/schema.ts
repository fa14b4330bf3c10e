import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const InboxQuerySchema = z.object({
  processId: z.preprocess(emptyAsUndefined, z.string().max(100).optional()),
  q: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  sort: z.preprocess(emptyAsUndefined, z.enum(['oldest', 'newest', 'deadline']).optional()),
});

/** The approver comes from the session: a body naming an actor is refused, not ignored. */
export const DecisionBodySchema = z.strictObject({
  approve: z.boolean(),
  comment: z.string().max(2000).default(''),
});

import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const NotificationsQuerySchema = z.object({
  /** Only those the caller has not read yet. */
  unread: z.preprocess(emptyAsUndefined, z.enum(['1', 'true', '0', 'false']).optional()),
  /** Page on: notifications older than this id. */
  before: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).optional()),
  limit: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).optional()),
});

/** Mark these read, or all of the caller's. */
export const MarkReadBodySchema = z.union([
  z.strictObject({ ids: z.array(z.number().int().min(1)).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);

import { z } from 'zod';
import { EXECUTION_STATUSES, MAX_PAGE_SIZE } from '@/lib/executions/list';

export const StartExecutionBodySchema = z.object({
  designId: z.string().min(1),
  deploymentId: z.string().min(1).optional(),
  workflowId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._:@-]+$/, 'may contain letters, digits and . _ : @ - only')
    .optional(),
  /** Checked against the deployed design's input fields. */
  // A positional input may be given as its list of values (lib/executions/arguments.ts maps it).
  input: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()).max(100)]).default({}),
});
export type StartExecutionBody = z.infer<typeof StartExecutionBodySchema>;

/**
 * Signals, queries and updates take one object argument (the handler's parameters) or none; a
 * message whose arguments travel one per parameter also takes them as a list, `{ args: ["Alice", "ok"] }`;
 * `designId`, when given, must be the execution's design (409 execution.other-design otherwise).
 */
export const HandlerBodySchema = z.object({ args: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()).max(100)]).optional(), designId: z.string().min(1).max(200).optional() });
export type HandlerBody = z.infer<typeof HandlerBodySchema>;

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** GET /api/executions query string (filters and paging). */
export const ListExecutionsQuerySchema = z.object({
  designId: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  deploymentId: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  version: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().optional()),
  status: z.preprocess(emptyAsUndefined, z.enum(EXECUTION_STATUSES).optional()),
  step: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  workflowId: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  pageSize: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional()),
  pageToken: z.preprocess(emptyAsUndefined, z.string().max(10_000).optional()),
  count: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).optional()).transform((v) => v === '1'),
  /** 1: add `statusCounts`, the executions in each status for the other filters. */
  counts: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).optional()).transform((v) => v === '1'),
  /** 1: add `designs`, the deployed designs to filter by (name, last deployed version and time). */
  designs: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).optional()).transform((v) => v === '1'),
});

/** The most executions one bulk call operates on (a page of the list holds 50). */
export const MAX_BULK_EXECUTIONS = 100;

/** POST /api/executions/bulk: cancel or terminate several executions, each checked like the single routes. */
export const BulkControlBodySchema = z
  .object({
    action: z.enum(['cancel', 'terminate']),
    workflowIds: z
      .array(z.string().min(1).max(200))
      .min(1, 'name at least one execution')
      .max(MAX_BULK_EXECUTIONS, `at most ${MAX_BULK_EXECUTIONS} executions per call`)
      .refine((ids) => new Set(ids).size === ids.length, 'names an execution twice'),
    /** Terminate only: recorded in each history. */
    reason: z.string().max(1000).optional(),
  })
  .strict()
  .refine((body) => body.action === 'terminate' || body.reason === undefined, { message: 'a reason goes with terminate only', path: ['reason'] });
export type BulkControlBody = z.infer<typeof BulkControlBodySchema>;

/** GET /api/executions/[workflowId]/history query string. */
export const HistoryQuerySchema = z.object({
  runId: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  pageSize: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1000).optional()),
  pageToken: z.preprocess(emptyAsUndefined, z.string().max(10_000).optional()),
});

/** POST /api/executions/[workflowId]/terminate */
export const TerminateBodySchema = z.object({ reason: z.string().max(1000).optional() });

/** POST /api/executions/[workflowId]/reset */
export const ResetBodySchema = z.object({
  to: z.enum(['first-workflow-task', 'last-workflow-task']).default('last-workflow-task'),
  reason: z.string().max(1000).optional(),
});

const WithStartBase = StartExecutionBodySchema.extend({
  workflowId: StartExecutionBodySchema.shape.workflowId.unwrap(),
  /** The handler's parameters (checked against the deployed design). */
  args: z.record(z.string(), z.unknown()).optional(),
});
/** POST /api/executions/signal-with-start */
export const SignalWithStartBodySchema = WithStartBase.extend({ signal: z.string().min(1).max(200) });
/** POST /api/executions/update-with-start */
export const UpdateWithStartBodySchema = WithStartBase.extend({ update: z.string().min(1).max(200) });

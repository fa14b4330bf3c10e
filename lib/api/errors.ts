/**
 * API errors: one JSON shape `{ error: { message, code, nodeId?, field?, … } }`, typed codes,
 * statuses 400 bad input / 401 not signed in / 403 not allowed / 404 missing / 409 conflict /
 * 413 too large / 415 not JSON / 422 refused / 503 Temporal unreachable. Unexpected errors are
 * logged and answered with a plain 500. The route wrapper that turns thrown errors into these
 * answers is handle() in lib/api/handle.ts.
 */
import 'server-only';
import { WorkflowNotFoundError } from '@temporalio/common';
import { DesignValidationError } from '@/db/repository/errors';
import { UsernameTakenError } from '@/db/repository/users';
import { AuthError } from '../auth/errors';
import { InputError, NotFoundError } from '../errors';
import { isTemporalUnavailable } from '../temporal-client';

export interface ApiErrorBody {
  message: string;
  code: string;
  nodeId?: string;
  field?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Omit<ApiErrorBody, 'message' | 'code'> = {},
    /** Extra top-level members of the response body (e.g. diagnostics). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, code = 'input.invalid', details: ApiError['details'] = {}) =>
  new ApiError(400, code, message, details);
export const notFound = (message: string, code = 'not-found') => new ApiError(404, code, message);

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { 'cache-control': 'no-store' } });
}

/** What an error is answered with: its status, the `error` member, and any other top-level members. */
interface ErrorAnswer {
  status: number;
  error: ApiErrorBody;
  extra?: Record<string, unknown>;
}

/** One row of the table: which errors it covers and how they are answered. */
interface ErrorMapping {
  matches(error: unknown): boolean;
  answer(error: unknown): ErrorAnswer;
}

/** A row for the instances of `type` (the answer sees the error typed as that class). */
function mapping<E>(type: abstract new (...args: never[]) => E, answer: (error: E) => ErrorAnswer): ErrorMapping {
  return { matches: (error) => error instanceof type, answer: (error) => answer(error as E) };
}

const TEMPORAL_UNAVAILABLE: ErrorAnswer = {
  status: 503,
  error: {
    message: 'Temporal is not reachable right now. Check that the Temporal server is running and TEMPORAL_ADDRESS is right.',
    code: 'temporal.unavailable',
  },
};

const UNEXPECTED: ErrorAnswer = {
  status: 500,
  error: { message: 'Something went wrong on the server; it has been logged.', code: 'internal' },
};

/**
 * The known errors and their answers, first match wins. The error classes live in the layers
 * that throw them (db/, lib/, the Temporal SDK), which know nothing of HTTP: the status is
 * decided here.
 */
const ERROR_MAPPINGS: readonly ErrorMapping[] = [
  mapping(ApiError, (e) => ({ status: e.status, error: { message: e.message, code: e.code, ...e.details }, extra: e.extra })),
  mapping(AuthError, (e) => ({ status: e.status, error: { message: e.message, code: e.code } })),
  mapping(UsernameTakenError, (e) => ({ status: 409, error: { message: e.message, code: e.code, field: 'username' } })),
  mapping(DesignValidationError, (e) => ({ status: 400, error: { message: e.message, code: e.code, issues: e.issues } })),
  mapping(InputError, (e) => ({ status: 400, error: { message: e.message, code: e.code, ...(e.field ? { field: e.field } : {}) } })),
  mapping(NotFoundError, (e) => ({ status: 404, error: { message: e.message, code: e.code } })),
  mapping(WorkflowNotFoundError, (e) => ({
    status: 404,
    error: { message: `Workflow execution ${e.workflowId} not found`, code: 'execution.not-found' },
  })),
  {
    matches: isTemporalUnavailable,
    answer(error) {
      console.error('[api] Temporal unavailable:', error instanceof Error ? error.message : error);
      return TEMPORAL_UNAVAILABLE;
    },
  },
];

/** Any thrown value as the JSON error response (ERROR_MAPPINGS; anything else is logged and a 500). */
export function errorResponse(error: unknown): Response {
  const known = ERROR_MAPPINGS.find((row) => row.matches(error));
  if (!known) console.error('[api] unexpected error:', error);
  const { status, error: body, extra } = known ? known.answer(error) : UNEXPECTED;
  return json({ error: body, ...extra }, status);
}
